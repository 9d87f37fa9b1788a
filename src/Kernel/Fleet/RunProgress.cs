namespace NumaActors.Kernel.Fleet;

/// <summary>Where a run is: the arm, servers finished of the arm, and simulated server-seconds done in the whole run.</summary>
public sealed record RunProgress(string Arm, int ArmIndex, int Arms, int ServersDone, int Servers, double ServerSecondsDone, double ServerSecondsTotal);
