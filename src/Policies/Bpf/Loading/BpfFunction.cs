using NumaActors.Policies.Bpf.Isa;

namespace NumaActors.Policies.Bpf.Loading;

/// <summary>
/// One function of a code section after CO-RE and data relocations, with the (section, insn)
/// target of each pseudo call it makes, keyed by its own insn index.
/// </summary>
internal sealed record BpfFunction(string Name, int Section, string SectionName, int Start, BpfInsn[] Insns, bool Global)
{
    public Dictionary<int, (int Section, int Insn)> Calls { get; } = [];
}
