namespace NumaActors.Policies.Bpf.Btf;

/// <summary>One enumerator of an ENUM or ENUM64.</summary>
public sealed record BtfEnumerator(string Name, long Value);
