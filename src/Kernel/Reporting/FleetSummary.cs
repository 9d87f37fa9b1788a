using NumaActors.Kernel.Observability;

namespace NumaActors.Kernel.Reporting;

/// <summary>One arm's whole-fleet figures (CONTRACT.md §3 <c>fleet</c>).</summary>
public sealed record FleetSummary(
    int Servers,
    double LocalAccessRatio,
    double MeanAccessLatencyNs,
    double BalancingCpuShare,
    VmStatCounters Vmstat);
