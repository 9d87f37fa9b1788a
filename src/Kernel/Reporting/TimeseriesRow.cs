using NumaActors.Kernel.Observability;

namespace NumaActors.Kernel.Reporting;

/// <summary>
/// One row of <c>timeseries.csv</c>: one arm, one workload (or <c>*</c> for the fleet), one interval
/// ending at <see cref="TSeconds"/>. Ratios and latencies are over the interval; vmstat is cumulative;
/// <see cref="PagesOnNode"/> holds resident 4 KiB pages per node id.
/// </summary>
public sealed record TimeseriesRow(
    string Arm,
    string Workload,
    double TSeconds,
    double LocalAccessRatio,
    double MeanAccessLatencyNs,
    double BalancingCpuShare,
    double StallMsP99,
    double StallMsMax,
    VmStatCounters Vmstat,
    IReadOnlyList<long> PagesOnNode);
