namespace NumaActors.Policies;

/// <summary>
/// A policy kind's parameters and their rules. <see cref="OpenParams"/> kinds (the BPF kind, whose
/// parameters are the object's own read-only variables) accept any name as text.
/// </summary>
public sealed record PolicyKindSpec(string Kind, string Description, IReadOnlyList<PolicyParamSpec> Params)
{
    public IReadOnlyList<PolicyParamOrder> Orders { get; init; } = [];

    public bool OpenParams { get; init; }

    /// <summary>For kinds that run an object file (bpf): loads it with the parameters, for <c>validate</c>.</summary>
    public Func<string, IReadOnlyDictionary<string, string>, Kernel.Scenarios.PolicyObjectCheck>? CheckObject { get; init; }

    public PolicyParamSpec? Find(string name)
    {
        foreach (var p in Params)
            if (p.Name == name) return p;
        return null;
    }
}
