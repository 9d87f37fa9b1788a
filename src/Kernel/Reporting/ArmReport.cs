namespace NumaActors.Kernel.Reporting;

/// <summary>The scenario under one variant (arm): fleet figures, per-workload figures and the time series.</summary>
public sealed record ArmReport(
    string Name,
    FleetSummary Fleet,
    IReadOnlyList<WorkloadReport> Workloads,
    IReadOnlyList<TimeseriesRow> Timeseries,
    IReadOnlyList<TimelineRecord> Events);
