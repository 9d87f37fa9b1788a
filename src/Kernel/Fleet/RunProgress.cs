namespace NumaActors.Kernel.Fleet;

/// <summary>Where a run is: the arm, servers finished of the arm, and simulated server-seconds done in the whole run.</summary>
public sealed record RunProgress(string Arm, int ArmIndex, int Arms, int ServersDone, int Servers, double ServerSecondsDone, double ServerSecondsTotal)
{
    /// <summary>The share of the run's server-seconds done, 0 to 1 (a run with nothing to simulate is done).</summary>
    public double Fraction => ServerSecondsTotal > 0 ? ServerSecondsDone / ServerSecondsTotal : 1;
}
