namespace NumaActors.Kernel.Scenarios;

/// <summary>A workload changes its access behaviour (a new program phase).</summary>
public sealed record PhaseEvent(TimeSpan At, string Workload, AccessChange Access) : TimelineEvent(At);
