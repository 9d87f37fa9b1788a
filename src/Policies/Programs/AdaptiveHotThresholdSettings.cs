namespace NumaActors.Policies.Programs;

/// <summary>Parameters of <see cref="AdaptiveHotThresholdProgram"/>: budget in 4 KiB pages per second, thresholds and step in ms.</summary>
public sealed record AdaptiveHotThresholdSettings(
    double BudgetPagesPerSecond,
    uint MinThresholdMs,
    uint MaxThresholdMs,
    uint InitialThresholdMs,
    uint StepMs)
{
    /// <summary>Half-width of the dead band around the budget, the kernel auto-adjust's 0.9/1.1 (kernel-model.md §5.3).</summary>
    public const double Tolerance = 0.1;
}
