namespace NumaActors.Kernel.Scenarios;

/// <summary>Change a workload's instance count; exactly one of the two counts is set, as in <see cref="Workload"/>.</summary>
public sealed record ScaleEvent(TimeSpan At, string Workload, int? PerServer, int? Servers) : TimelineEvent(At);
