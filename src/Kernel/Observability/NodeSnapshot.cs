namespace NumaActors.Kernel.Observability;

/// <summary>One node now: used and free pages, its node-level counters and its adjusted hot threshold (0 = default).</summary>
public sealed record NodeSnapshot(int Node, long UsedPages, long FreePages, VmStatCounters VmStat, long PromotionThresholdMs);
