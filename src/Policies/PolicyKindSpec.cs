namespace NumaActors.Policies;

/// <summary>
/// A policy kind's parameters and their rules. <see cref="OpenParams"/> kinds (the BPF kind, whose
/// parameters are the object's own read-only variables) accept any name as text.
/// </summary>
public sealed record PolicyKindSpec(string Kind, string Description, IReadOnlyList<PolicyParamSpec> Params)
{
    public IReadOnlyList<PolicyParamOrder> Orders { get; init; } = [];

    public bool OpenParams { get; init; }

    public PolicyParamSpec? Find(string name)
    {
        foreach (var p in Params)
            if (p.Name == name) return p;
        return null;
    }
}
