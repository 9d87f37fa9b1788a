using NumaActors.Kernel.Observability;

namespace NumaActors.Kernel.Reporting;

/// <summary>One workload's figures over all its instances in one arm (CONTRACT.md §3 <c>workloads</c>).</summary>
public sealed record WorkloadReport(
    string Name,
    int Instances,
    bool BalancingEnabled,
    LocalityRange LocalAccessRatio,
    double MeanAccessLatencyNs,
    double BalancingCpuShare,
    double StallMsP99,
    double StallMsMax,
    bool LatencySensitive,
    VmStatCounters Vmstat);
