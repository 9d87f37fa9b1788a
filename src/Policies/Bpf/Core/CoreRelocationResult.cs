using NumaActors.Policies.Bpf.Btf;

namespace NumaActors.Policies.Bpf.Core;

/// <summary>
/// What the relocator did to one CO-RE record: the value clang baked in (local), the value for the
/// simulator's layout (target), and whether the insn was poisoned because the layout lacks it.
/// </summary>
public sealed record CoreRelocationResult(BtfCoreRelo Relo, string Field, long LocalValue, long? TargetValue, bool Poisoned)
{
    public override string ToString() =>
        $"{Relo.Section} insn {Relo.InsnOffset / 8} {Relo.Kind} {Field}: {LocalValue} -> " + (Poisoned ? "poisoned" : $"{TargetValue}");
}
