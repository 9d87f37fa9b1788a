namespace NumaActors.Policies.Bpf.Btf;

/// <summary>A struct/union member; <see cref="BitfieldSize"/> is 0 for a plain member.</summary>
public sealed record BtfMember(string Name, uint Type, uint BitOffset, uint BitfieldSize);
