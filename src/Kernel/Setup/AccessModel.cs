namespace NumaActors.Kernel.Setup;

/// <summary>
/// A task's memory behaviour: page-grain touches per second per task, their spread, and the
/// fraction of the process's memory every task touches (the rest is split into private slices,
/// one per task).
/// </summary>
public sealed record AccessModel(double RatePerTaskPerSecond, AccessPattern Pattern = AccessPattern.Uniform, double Skew = 0, double SharedFraction = 0)
{
    /// <summary>Share of accesses the hot set of <see cref="AccessPattern.Hotset"/> receives.</summary>
    public const double HotsetAccessShare = 0.9;
}
