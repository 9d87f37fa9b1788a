namespace NumaActors.Kernel.Decisions;

/// <summary>
/// What a recommended setting may cost: <see cref="CpuShare"/> bounds the workload's balancing CPU
/// share (scanning, hinting faults, migration over its CPU time); <see cref="StallMsP99"/> bounds the
/// stall p99 (ms per 100 ms window) of latency-sensitive workloads only.
/// </summary>
public sealed record DecisionBudget(double CpuShare, double StallMsP99)
{
    /// <summary>1% of the workload's CPU time, the default.</summary>
    public const double DefaultCpuShare = 0.01;

    /// <summary>5 ms in a 100 ms window, at p99: a latency-sensitive task loses at most 5% of a window to balancing in 99 windows of 100.</summary>
    public const double DefaultStallMsP99 = 5.0;

    public static DecisionBudget Default { get; } = new(DefaultCpuShare, DefaultStallMsP99);
}
