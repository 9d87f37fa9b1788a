namespace NumaActors.Policies.Bpf.Hooks;

/// <summary>Either a policy ready to attach, or the specific reasons it was refused.</summary>
public sealed record BpfPolicyLoadResult(BpfNumabPolicy? Policy, IReadOnlyList<BpfLoadError> Errors)
{
    public bool Succeeded => Policy is not null && Errors.Count == 0;
}
