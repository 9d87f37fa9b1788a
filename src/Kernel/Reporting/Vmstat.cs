namespace NumaActors.Kernel.Reporting;

/// <summary>
/// The balancing counters of <c>/proc/vmstat</c> with the kernel's names and meanings
/// (kernel-model.md §7.1). The first nine are CONTRACT.md §3's; the last two extend it.
/// </summary>
public sealed record Vmstat(
    long NumaPteUpdates,
    long NumaHintFaults,
    long NumaHintFaultsLocal,
    long NumaPagesMigrated,
    long PgpromoteSuccess,
    long PgpromoteCandidate,
    long PgdemoteKswapd,
    long NumaTaskMigrated,
    long NumaTaskSwapped,
    long NumaHugePteUpdates,
    long PgmigrateFail)
{
    public static Vmstat Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Kernel names in report order; <see cref="Values"/> follows the same order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "numa_pte_updates", "numa_hint_faults", "numa_hint_faults_local", "numa_pages_migrated",
        "pgpromote_success", "pgpromote_candidate", "pgdemote_kswapd", "numa_task_migrated",
        "numa_task_swapped", "numa_huge_pte_updates", "pgmigrate_fail",
    ];

    public IReadOnlyList<long> Values =>
    [
        NumaPteUpdates, NumaHintFaults, NumaHintFaultsLocal, NumaPagesMigrated, PgpromoteSuccess,
        PgpromoteCandidate, PgdemoteKswapd, NumaTaskMigrated, NumaTaskSwapped, NumaHugePteUpdates, PgmigrateFail,
    ];

    public static Vmstat operator +(Vmstat a, Vmstat b) => new(
        a.NumaPteUpdates + b.NumaPteUpdates, a.NumaHintFaults + b.NumaHintFaults,
        a.NumaHintFaultsLocal + b.NumaHintFaultsLocal, a.NumaPagesMigrated + b.NumaPagesMigrated,
        a.PgpromoteSuccess + b.PgpromoteSuccess, a.PgpromoteCandidate + b.PgpromoteCandidate,
        a.PgdemoteKswapd + b.PgdemoteKswapd, a.NumaTaskMigrated + b.NumaTaskMigrated,
        a.NumaTaskSwapped + b.NumaTaskSwapped, a.NumaHugePteUpdates + b.NumaHugePteUpdates,
        a.PgmigrateFail + b.PgmigrateFail);
}
