namespace NumaActors.Kernel.Fleet;

/// <summary>
/// Which arms to run (null: all) and how to report progress. <see cref="ArmCompleted"/> receives each
/// arm's report as soon as all its servers are done (for live metrics), from the engine's thread.
/// </summary>
public sealed record RunSelection(string? Arm = null, IProgress<RunProgress>? Progress = null)
{
    public Action<NumaActors.Kernel.Reporting.ArmReport>? ArmCompleted { get; init; }
}
