using NumaActors.Policies.Bpf.Isa;

namespace NumaActors.Policies.Bpf.Vm;

/// <summary>
/// A linked program: the entry function followed by every subprogram it calls (once), with
/// pseudo-call imms fixed to the callee's start, relocations and CO-RE applied (README §5 step 6).
/// </summary>
public sealed record BpfProgram(string Name, string Section, IReadOnlyList<BpfInsn> Insns, IReadOnlyList<BpfFunctionSpan> Functions)
{
    /// <summary>The insns as an array, for the interpreter's dispatch loop.</summary>
    internal BpfInsn[] Code { get; } = Insns.ToArray();

    public bool IsSleepable => Section.StartsWith("struct_ops.s/", StringComparison.Ordinal);
}
