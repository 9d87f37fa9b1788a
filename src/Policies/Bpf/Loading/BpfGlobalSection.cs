namespace NumaActors.Policies.Bpf.Loading;

/// <summary>
/// A data section as one VM region: <c>.rodata</c> read-only (after the host's overrides),
/// <c>.data</c> writable, <c>.bss</c> writable and zeroed. <see cref="Image"/> is the initial bytes;
/// every program instance starts from a copy.
/// </summary>
public sealed record BpfGlobalSection(string Name, byte[] Image, bool Writable, uint RegionId, IReadOnlyList<BpfGlobalVariable> Variables);
