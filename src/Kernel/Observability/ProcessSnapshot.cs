using System.Collections.Immutable;

namespace NumaActors.Kernel.Observability;

/// <summary>
/// One process (one workload instance, one leaf cgroup) over the interval since the previous
/// snapshot (CONTRACT.md §3): accesses and local accesses (local ratio = Local / Accesses),
/// summed access latency (mean = LatencyNsSum / Accesses), balancing CPU time (scan, hint faults,
/// migrations, task moves) against the tasks' CPU time, one stall sample in ms per task per 100 ms
/// window, cumulative vmstat counters, and resident 4 KiB pages per node now.
/// </summary>
public sealed record ProcessSnapshot(
    int Pid,
    ulong CgroupId,
    string Name,
    bool LatencySensitive,
    bool BalancingEnabled,
    double Accesses,
    double LocalAccesses,
    double LatencyNsSum,
    double BalancingCpuNs,
    double TaskCpuNs,
    ImmutableArray<double> StallMsSamples,
    VmStatCounters VmStat,
    ImmutableArray<long> PagesOnNode,
    ImmutableArray<int> TaskNodes,
    ImmutableArray<int> PreferredNodes,
    ImmutableArray<long> ScanPeriodMs,
    int ScanSeq)
{
    public double LocalAccessRatio => Accesses > 0 ? LocalAccesses / Accesses : 0;
    public double MeanAccessLatencyNs => Accesses > 0 ? LatencyNsSum / Accesses : 0;
    public double BalancingCpuShare => TaskCpuNs > 0 ? BalancingCpuNs / TaskCpuNs : 0;
}
