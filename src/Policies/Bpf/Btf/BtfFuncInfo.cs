namespace NumaActors.Policies.Bpf.Btf;

/// <summary>A func_info record: the function starting at <see cref="InsnOffset"/> (bytes) has BTF FUNC <see cref="TypeId"/>.</summary>
public sealed record BtfFuncInfo(string Section, uint InsnOffset, uint TypeId);
