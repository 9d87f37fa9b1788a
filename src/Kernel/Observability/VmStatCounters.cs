namespace NumaActors.Kernel.Observability;

/// <summary>
/// The NUMA-balancing counters with the kernel's names and units (kernel-model.md §7.1):
/// pages for the page counters, faults for the fault counters, PMDs for huge PTE updates, tasks
/// for the task counters. Cumulative since the entity started.
/// </summary>
public sealed record VmStatCounters
{
    public long NumaPteUpdates { get; init; }
    public long NumaHugePteUpdates { get; init; }
    public long NumaHintFaults { get; init; }
    public long NumaHintFaultsLocal { get; init; }
    public long NumaPagesMigrated { get; init; }
    public long PgpromoteSuccess { get; init; }
    public long PgpromoteCandidate { get; init; }
    public long PgpromoteCandidateNrl { get; init; }
    public long PgdemoteKswapd { get; init; }
    public long PgmigrateFail { get; init; }
    public long NumaTaskMigrated { get; init; }
    public long NumaTaskSwapped { get; init; }

    public static VmStatCounters Zero { get; } = new();

    /// <summary>Name → value with the kernel's /proc/vmstat names, in a fixed order.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> ByKernelName() =>
    [
        new("numa_pte_updates", NumaPteUpdates),
        new("numa_huge_pte_updates", NumaHugePteUpdates),
        new("numa_hint_faults", NumaHintFaults),
        new("numa_hint_faults_local", NumaHintFaultsLocal),
        new("numa_pages_migrated", NumaPagesMigrated),
        new("pgpromote_success", PgpromoteSuccess),
        new("pgpromote_candidate", PgpromoteCandidate),
        new("pgpromote_candidate_nrl", PgpromoteCandidateNrl),
        new("pgdemote_kswapd", PgdemoteKswapd),
        new("pgmigrate_fail", PgmigrateFail),
        new("numa_task_migrated", NumaTaskMigrated),
        new("numa_task_swapped", NumaTaskSwapped),
    ];

    public VmStatCounters Add(VmStatCounters o) => new()
    {
        NumaPteUpdates = NumaPteUpdates + o.NumaPteUpdates,
        NumaHugePteUpdates = NumaHugePteUpdates + o.NumaHugePteUpdates,
        NumaHintFaults = NumaHintFaults + o.NumaHintFaults,
        NumaHintFaultsLocal = NumaHintFaultsLocal + o.NumaHintFaultsLocal,
        NumaPagesMigrated = NumaPagesMigrated + o.NumaPagesMigrated,
        PgpromoteSuccess = PgpromoteSuccess + o.PgpromoteSuccess,
        PgpromoteCandidate = PgpromoteCandidate + o.PgpromoteCandidate,
        PgpromoteCandidateNrl = PgpromoteCandidateNrl + o.PgpromoteCandidateNrl,
        PgdemoteKswapd = PgdemoteKswapd + o.PgdemoteKswapd,
        PgmigrateFail = PgmigrateFail + o.PgmigrateFail,
        NumaTaskMigrated = NumaTaskMigrated + o.NumaTaskMigrated,
        NumaTaskSwapped = NumaTaskSwapped + o.NumaTaskSwapped,
    };
}
