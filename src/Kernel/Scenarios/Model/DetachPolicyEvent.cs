namespace NumaActors.Kernel.Scenarios;

/// <summary>
/// Detach a policy from every instance of a workload. In an arm where the policy is not attached to the
/// workload at that time, it does nothing (the loader rejects a detach that no arm can perform).
/// </summary>
public sealed record DetachPolicyEvent(TimeSpan At, string Policy, string Workload) : TimelineEvent(At);
