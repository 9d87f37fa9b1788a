namespace NumaActors.Policies.Bpf.Loading;

/// <summary>Either a loaded object or the specific reasons it was refused.</summary>
public sealed record BpfLoadResult(BpfObject? Object, IReadOnlyList<BpfLoadError> Errors)
{
    public bool Succeeded => Object is not null && Errors.Count == 0;

    public static BpfLoadResult Fail(BpfLoadError error) => new(null, [error]);
}
