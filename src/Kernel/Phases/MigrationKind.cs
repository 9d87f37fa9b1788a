namespace NumaActors.Kernel.Phases;

/// <summary>Why a fault asks for a migration (kernel-model.md §5.2/§5.3).</summary>
public enum MigrationKind
{
    /// <summary>NORMAL path: passed the two-stage filter.</summary>
    Normal,

    /// <summary>Tiering: slow-tier page whose hint-fault latency is under the hot threshold; subject to the rate limit.</summary>
    Promotion,

    /// <summary>Tiering: target had plenty of free space, promoted without latency check or rate limit (candidate_nrl).</summary>
    PromotionNoRateLimit,
}
