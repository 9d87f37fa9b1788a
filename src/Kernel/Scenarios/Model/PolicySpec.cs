using System.Collections.Immutable;

namespace NumaActors.Kernel.Scenarios;

/// <summary>
/// A hook program: its kind (from the policy catalog), its parameters as the YAML scalars were written,
/// where it attaches at the start (null when only the timeline attaches it) and, for kind <c>bpf</c>,
/// the object file resolved against the scenario's directory.
/// </summary>
public sealed record PolicySpec(
    string Name,
    string Kind,
    ImmutableSortedDictionary<string, string> Params,
    PolicyAttach? Attach,
    string? ObjectPath)
{
    public const string BpfKind = "bpf";
}
