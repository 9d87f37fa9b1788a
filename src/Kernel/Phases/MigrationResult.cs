namespace NumaActors.Kernel.Phases;

/// <summary>
/// Phase B → phase C: how many folios of request <see cref="Seq"/> moved, how many failed on the
/// target's watermark (<c>TNF_MIGRATE_FAIL</c>), and how many the promotion rate limit turned down
/// (no migration attempted, no failure).
/// </summary>
public readonly record struct MigrationResult(int Pid, int TaskId, int Seq, int Migrated, int Failed, int RateLimited);
