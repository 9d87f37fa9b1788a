namespace NumaActors.Kernel.Scenarios;

/// <summary>Attach a policy to every instance of a workload (fails with EBUSY in the kernel if one is attached).</summary>
public sealed record AttachPolicyEvent(TimeSpan At, string Policy, string Workload, bool Hierarchical = false) : TimelineEvent(At);
