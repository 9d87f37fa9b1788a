namespace NumaActors.Policies.Bpf.Btf;

/// <summary>One variable of a DATASEC: its VAR type id and the offset/size clang recorded.</summary>
public sealed record BtfVarSecInfo(uint Type, uint Offset, uint Size);
