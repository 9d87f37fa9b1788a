namespace NumaActors.Kernel.Setup;

/// <summary>
/// CPU-time costs charged to the task that triggers the work (kernel-model.md §8.1, §8.3).
/// Defaults are the suggested simulator parameters of §8.1; every figure is overridable per
/// server class.
/// </summary>
public sealed record CostModel
{
    /// <summary>Per base-page PTE made protnone: ~30 µs per MiB of present PTEs (§8.1 scanUsPerMiB 10–60).</summary>
    public double PteUpdateNs { get; init; } = 120;

    /// <summary>Walking virtual range that changed nothing, per MiB.</summary>
    public double ScanSkipNsPerMiB { get; init; } = 2_000;

    /// <summary>A hinting fault without migration (§8.1: 1–3 µs, UNVERIFIED estimate).</summary>
    public double HintFaultNs { get; init; } = 2_000;

    /// <summary>Migrating one 4 KiB page on a fault (§8.1: Haswell 13 µs, modern 5–8 µs).</summary>
    public double MigratePageNs { get; init; } = 10_000;

    /// <summary>Migrating one 2 MiB THP on a fault (§8.1: 200–900 µs).</summary>
    public double MigrateThpNs { get; init; } = 400_000;

    /// <summary>A NUMA task move or swap (stop-machine, both CPUs briefly stalled).</summary>
    public double TaskMoveNs { get; init; } = 50_000;

    /// <summary>Local DRAM latency used when the machine has no measured latency matrix: latency = this × SLIT/10.</summary>
    public double FallbackLocalLatencyNs { get; init; } = 90;

    public static CostModel Default { get; } = new();
}
