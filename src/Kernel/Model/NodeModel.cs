using System.Collections.Immutable;
using NumaActors.Kernel.Observability;
using NumaActors.Kernel.Phases;
using NumaActors.Kernel.Rules;

namespace NumaActors.Kernel.Model;

/// <summary>
/// One NUMA node's memory: used and free pages, watermarks, the promotion state <c>nbp_*</c>
/// (kernel-model.md §5.3) and node-level counters. The owner of phase B: it resolves the migration
/// requests that target it, in canonical order, against its watermarks and its promotion rate
/// limit, and wakes kswapd for demotion when it is a full top-tier node in tiering mode.
/// </summary>
public sealed class NodeModel
{
    private readonly VmStat _vmstat = new();
    private readonly List<MigrationResult> _results = [];
    private MigrationRequest[] _sortBuffer = [];

    // Promotion state (per target node).
    private long _rlStartMs, _rlNrCand, _thStartMs = -1, _thNrCand, _thresholdMs;
    private bool _kswapdWoken;

    public NodeModel(int id, long capacityPages, bool topTier, bool hasCpus, Watermarks watermarks, int demotionTarget)
    {
        Id = id;
        CapacityPages = capacityPages;
        TopTier = topTier;
        HasCpus = hasCpus;
        Watermarks = watermarks;
        DemotionTarget = demotionTarget;
    }

    public int Id { get; }
    public long CapacityPages { get; }
    public bool TopTier { get; }
    public bool HasCpus { get; }
    public Watermarks Watermarks { get; }
    public int DemotionTarget { get; }
    public long UsedPages { get; private set; }
    public long FreePages => CapacityPages - UsedPages;
    public long ThresholdMs => _thresholdMs;

    /// <summary>Allocate or free pages outside the tick phases (process start and exit).</summary>
    public void Adjust(long pages) => UsedPages += pages;

    /// <summary><c>reset_memory_tiering</c> when the tiering bit goes from clear to set (§1.1).</summary>
    public void ResetTiering(long nowMs)
    {
        _thresholdMs = 0;
        _thStartMs = nowMs;
        _thNrCand = _vmstat.PgpromoteCandidate;
        _rlStartMs = nowMs;
        _rlNrCand = _vmstat.PgpromoteCandidate;
    }

    /// <summary><c>pgdat_free_space_enough</c>: free above the promo watermark plus max(1 GiB, node/16).</summary>
    public bool FreeSpaceEnough => FreePages > Watermarks.Promo + Math.Max(262_144L, CapacityPages / 16);

    public NodeView View => new(Id, FreePages, Watermarks.High, FreeSpaceEnough, _thresholdMs);

    /// <summary>
    /// Phase B. First applies the page transfers of the previous phase C (pages freed here by
    /// migrations away, pages demoted here); then resolves <paramref name="requests"/> (all targeting
    /// this node) sorted by (task id, region, seq): promotion candidates against the rate limit,
    /// then every folio against <c>free ≥ WMARK_HIGH + nr_pages</c> (§5.4).
    /// </summary>
    /// <remarks>
    /// The requests come as one array per process (<paramref name="requestsByProcess"/>, in pid
    /// order), as the processes' phase A made them: they are copied once, into the node's sort buffer.
    /// </remarks>
    public NodePhaseBOutput RunPhaseB(TickContext ctx, IReadOnlyList<PageTransfer> transfers, IReadOnlyList<ImmutableArray<MigrationRequest>> requestsByProcess)
    {
        int count = 0;
        foreach (var part in requestsByProcess) count += part.Length;
        EnsureSortBuffer(count);
        int at = 0;
        foreach (var part in requestsByProcess)
        {
            part.CopyTo(_sortBuffer, at);
            at += part.Length;
        }
        var results = Resolve(ctx, transfers, count, out var demotion);
        return new NodePhaseBOutput([.. results], demotion, View);
    }

    /// <summary>
    /// Phase B as above, the results in the node's own list (valid until its next phase B) instead
    /// of a copy: for the sequential engine, which routes them at once.
    /// </summary>
    public IReadOnlyList<MigrationResult> RunPhaseB(TickContext ctx, IReadOnlyList<PageTransfer> transfers, IReadOnlyList<MigrationRequest> requests,
        out DemotionDemand? demotion)
    {
        int count = requests.Count;
        EnsureSortBuffer(count);
        for (int i = 0; i < count; i++) _sortBuffer[i] = requests[i];
        return Resolve(ctx, transfers, count, out demotion);
    }

    /// <summary>
    /// Whether a phase B would change nothing: outside tiering mode, with no page transfers and no
    /// requests, it resolves nothing, wakes no kswapd, asks no demotion and leaves the view as it
    /// was. An engine may then skip the node's phase B and take its current view as the output.
    /// </summary>
    public static bool PhaseBIsIdle(TickContext ctx, int transfers, int requests) =>
        transfers == 0 && requests == 0 && !ctx.Gates.ModeTiering;

    /// <summary>What an idle phase B (<see cref="PhaseBIsIdle"/>) returns: no results, no demotion, the view as it is.</summary>
    public NodePhaseBOutput IdlePhaseBOutput => new([], null, View);

    private void EnsureSortBuffer(int count)
    {
        if (_sortBuffer.Length < count) _sortBuffer = new MigrationRequest[Math.Max(count, 2 * _sortBuffer.Length)];
    }

    /// <summary>Phase B over the first <paramref name="count"/> requests of the sort buffer.</summary>
    private List<MigrationResult> Resolve(TickContext ctx, IReadOnlyList<PageTransfer> transfers, int count, out DemotionDemand? demotion)
    {
        foreach (var t in transfers)
        {
            if (t.FromNode == Id) UsedPages -= t.Pages;
            if (t.ToNode == Id) UsedPages += t.Pages;
        }
        _results.Clear();
        bool tiering = ctx.Gates.ModeTiering;
        long now = ctx.NowMs;
        // Sorted in a buffer the node keeps: the canonical order is total (task id, region, seq), so
        // sorting a reused buffer gives the order a fresh array would.
        Array.Sort(_sortBuffer, 0, count);
        for (int s = 0; s < count; s++)
        {
            var q = _sortBuffer[s];
            int allowed = q.Folios, limited = 0;
            if (q.Kind == MigrationKind.PromotionNoRateLimit)
            {
                _thresholdMs = 0; // plenty of room: the workload changed, reset the threshold
                _vmstat.PgpromoteCandidateNrl += (long)q.Folios * q.PagesPerFolio;
            }
            else if (q.Kind == MigrationKind.Promotion)
            {
                allowed = 0;
                long rl = (long)ctx.Knobs.PromoteRateLimitMBps * KernelConstants.PagesPerMb;
                AdjustThreshold(now, rl, q.DefaultThresholdMs, ctx.Knobs.ScanPeriodMaxMs);
                for (int i = 0; i < q.Folios; i++)
                {
                    _vmstat.PgpromoteCandidate += q.PagesPerFolio;
                    if (now - _rlStartMs > 1000)
                    {
                        _rlStartMs = now;
                        _rlNrCand = _vmstat.PgpromoteCandidate;
                    }
                    if (_vmstat.PgpromoteCandidate - _rlNrCand < rl) allowed++;
                    else limited++;
                }
            }
            int migrated = 0, failed = 0;
            for (int i = 0; i < allowed; i++)
            {
                if (FreePages >= Watermarks.High + q.PagesPerFolio)
                {
                    UsedPages += q.PagesPerFolio;
                    migrated++;
                }
                else
                {
                    failed++;
                    if (tiering) _kswapdWoken = true; // migrate_misplaced_folio_prepare wakes kswapd
                }
            }
            long movedPages = (long)migrated * q.PagesPerFolio;
            _vmstat.NumaPagesMigrated += movedPages;
            if (tiering && q.Kind != MigrationKind.Normal) _vmstat.PgpromoteSuccess += movedPages;
            _vmstat.PgmigrateFail += (long)failed * q.PagesPerFolio;
            _results.Add(new MigrationResult(q.Pid, q.TaskId, q.Seq, migrated, failed, limited));
        }
        demotion = null;
        if (tiering && TopTier && DemotionTarget >= 0 && (_kswapdWoken || FreePages < Watermarks.Low))
        {
            // kswapd balances a top-tier node up to WMARK_PROMO in tiering mode.
            long want = Watermarks.Promo - FreePages;
            if (want > 0)
            {
                demotion = new DemotionDemand(Id, DemotionTarget, want, UsedPages);
            }
            _kswapdWoken = false;
        }
        return _results;
    }

    /// <summary><c>numa_promotion_adjust_threshold</c>, once per window of scan_period_max (§5.3).</summary>
    private void AdjustThreshold(long now, long rateLimitPages, long defTh, long windowMs)
    {
        if (_thStartMs < 0)
        {
            _thStartMs = now;
            _thNrCand = _vmstat.PgpromoteCandidate;
            return;
        }
        if (now - _thStartMs <= windowMs) return;
        long diff = _vmstat.PgpromoteCandidate - _thNrCand;
        _thresholdMs = PromotionThreshold.Adjust(_thresholdMs, defTh, diff, rateLimitPages, windowMs);
        _thNrCand = _vmstat.PgpromoteCandidate;
        _thStartMs = now;
    }

    public NodeSnapshot Snapshot() => new(Id, UsedPages, FreePages, _vmstat.ToCounters(), _thresholdMs);
}
