namespace NumaActors.Kernel.Scenarios;

/// <summary>Detach a policy from every instance of a workload.</summary>
public sealed record DetachPolicyEvent(TimeSpan At, string Policy, string Workload) : TimelineEvent(At);
