namespace NumaActors.Policies.Bpf.Loading;

/// <summary>
/// Load-time settings: the per-program insn limit (README §6 rule 1), the host's <c>.rodata</c>
/// overrides by variable name (the libbpf-skeleton "policy parameters" knob, README §5 step 5).
/// </summary>
public sealed record BpfLoadOptions
{
    public const int DefaultMaxInstructions = 4096;
    public const int MaxAllowedInstructions = 1_000_000;

    public int MaxInstructions { get; init; } = DefaultMaxInstructions;

    public IReadOnlyDictionary<string, ulong> Rodata { get; init; } = new Dictionary<string, ulong>();

    public static BpfLoadOptions Default { get; } = new();
}
