using NumaActors.Policies.Bpf.Core;
using NumaActors.Policies.Bpf.Elf;
using NumaActors.Policies.Bpf.Vm;

namespace NumaActors.Policies.Bpf.Loading;

/// <summary>
/// A loaded, linked and checked BPF object: entry programs, maps, global sections, struct_ops
/// registrations, what CO-RE did, and warnings. Immutable; each <see cref="BpfHookProgram"/> built
/// from it gets its own maps and globals.
/// </summary>
public sealed record BpfObject(
    ElfObject Elf,
    string License,
    IReadOnlyList<BpfProgram> Programs,
    IReadOnlyList<BpfMapSlot> Maps,
    IReadOnlyList<BpfGlobalSection> Globals,
    IReadOnlyList<BpfStructOps> StructOps,
    IReadOnlyList<CoreRelocationResult> CoreRelocations,
    IReadOnlyList<string> Warnings)
{
    public BpfProgram? Program(string name) => Programs.FirstOrDefault(p => p.Name == name);

    public BpfProgram? ProgramInSection(string section) => Programs.FirstOrDefault(p => p.Section == section);
}
