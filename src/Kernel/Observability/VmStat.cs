namespace NumaActors.Kernel.Observability;

/// <summary>Mutable counters owned by one entity (a process's memcg or a node); snapshot with <see cref="ToCounters"/>.</summary>
public sealed class VmStat
{
    public long NumaPteUpdates;
    public long NumaHugePteUpdates;
    public long NumaHintFaults;
    public long NumaHintFaultsLocal;
    public long NumaPagesMigrated;
    public long PgpromoteSuccess;
    public long PgpromoteCandidate;
    public long PgpromoteCandidateNrl;
    public long PgdemoteKswapd;
    public long PgmigrateFail;
    public long NumaTaskMigrated;
    public long NumaTaskSwapped;

    public VmStatCounters ToCounters() => new()
    {
        NumaPteUpdates = NumaPteUpdates,
        NumaHugePteUpdates = NumaHugePteUpdates,
        NumaHintFaults = NumaHintFaults,
        NumaHintFaultsLocal = NumaHintFaultsLocal,
        NumaPagesMigrated = NumaPagesMigrated,
        PgpromoteSuccess = PgpromoteSuccess,
        PgpromoteCandidate = PgpromoteCandidate,
        PgpromoteCandidateNrl = PgpromoteCandidateNrl,
        PgdemoteKswapd = PgdemoteKswapd,
        PgmigrateFail = PgmigrateFail,
        NumaTaskMigrated = NumaTaskMigrated,
        NumaTaskSwapped = NumaTaskSwapped,
    };
}
