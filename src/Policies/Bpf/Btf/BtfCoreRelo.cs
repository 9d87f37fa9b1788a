namespace NumaActors.Policies.Bpf.Btf;

/// <summary>
/// One CO-RE record of <c>.BTF.ext</c> (README §2.7): the insn (byte offset within its section),
/// the local root type, the access string <c>"0:2:1"</c> and the relocation kind.
/// </summary>
public sealed record BtfCoreRelo(string Section, uint InsnOffset, uint TypeId, string Access, BtfCoreReloKind Kind);
