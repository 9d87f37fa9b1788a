using System.Collections.Immutable;
using System.Runtime.InteropServices;
using NumaActors.Kernel.Phases;
using NumaActors.Kernel.Rules;

namespace NumaActors.Kernel.Model;

/// <summary>Phase C: migration results, <c>task_numa_fault</c> for every fault of the tick, placement, demotion shares.</summary>
public sealed partial class ProcessModel
{
    private const int TnfMigrated = 0x01, TnfFaultLocal = 0x08, TnfMigrateFail = 0x10;

    private readonly List<TaskMoveRequest> _moveRequests = [];
    private readonly List<PageTransfer> _transfers = [];
    private readonly List<TaskPlacementInfo> _placements = [];
    private int[] _migratedLeft = [], _failedLeft = [];
    private bool[] _statsEnabled = [];
    // Pages migrated away from each node this tick: one transfer per source node, not per fault.
    private long[] _migratedFrom = [];

    /// <summary>
    /// Whether this tick's phase C must wait for the nodes' phase B: only when phase A asked for a
    /// migration (the results answer requests) or in tiering mode (a node may ask for demotion).
    /// Otherwise phase C gets no results and no demotions whatever the nodes do, and may run at once.
    /// </summary>
    public bool PhaseCWaitsForNodes(TickContext ctx) => _requests.Count > 0 || ctx.Gates.ModeTiering;

    /// <summary>
    /// Phase C for this process: applies the node's answers to this tick's requests (in request
    /// order), accounts every fault in the order it was taken (<c>task_numa_fault</c>, gated by
    /// <c>TaskNumabEnabled</c>), which runs placement at the end of a scan sequence and may ask for a
    /// task move; then takes this process's share of any demotion demand.
    /// </summary>
    public ProcessPhaseCOutput RunPhaseC(TickContext ctx, IReadOnlyList<MigrationResult> results, IReadOnlyList<DemotionDemand> demotions)
    {
        _moveRequests.Clear();
        _transfers.Clear();
        _placements.Clear();
        if (_migratedLeft.Length < _requests.Count)
        {
            _migratedLeft = new int[_requests.Count * 2];
            _failedLeft = new int[_requests.Count * 2];
        }
        Array.Clear(_migratedLeft, 0, _requests.Count);
        Array.Clear(_failedLeft, 0, _requests.Count);
        foreach (var res in results)
        {
            _migratedLeft[res.Seq] += res.Migrated;
            _failedLeft[res.Seq] += res.Failed;
        }

        if (_migratedFrom.Length != _n) _migratedFrom = new long[_n];
        Array.Clear(_migratedFrom);
        bool tiering = ctx.Gates.ModeTiering;
        // task_numab_enabled(p) for task_numa_fault: asked once per task per tick (the program
        // snapshot cannot change within a tick), not once per fault.
        if (_statsEnabled.Length != _tasks.Length) _statsEnabled = new bool[_tasks.Length];
        foreach (var t in _tasks) _statsEnabled[t.Index] = ctx.Gates.TaskNumabEnabled(Context(t, ctx.NowMs));
        // By reference: the loop runs once per fault of the tick, and the structs are 36-48 bytes.
        var requests = CollectionsMarshal.AsSpan(_requests);
        foreach (ref readonly var f in CollectionsMarshal.AsSpan(_pending))
        {
            var task = _tasks[f.Task];
            int flags = f.Local ? TnfFaultLocal : 0;
            int accountNode = f.MemNode;
            if (f.RequestSeq >= 0)
            {
                ref readonly var q = ref requests[f.RequestSeq];
                if (_migratedLeft[f.RequestSeq] > 0)
                {
                    _migratedLeft[f.RequestSeq]--;
                    MovePages(f.Region, q.SrcNode, q.DstNode, f.Pages);
                    _migratedFrom[q.SrcNode] += f.Pages;
                    _vmstat.NumaPagesMigrated += f.Pages;
                    bool promotion = tiering && !_topo.TopTier[q.SrcNode] && _topo.TopTier[q.DstNode];
                    if (promotion)
                    {
                        _vmstat.PgpromoteSuccess += f.Pages;
                        // folio_migrate_flags: crossing tiers resets the cpupid field.
                        int bi = f.Region * KernelConstants.CpupidBuckets + f.Bucket;
                        _cpupidTask[bi] = -1;
                        _cpupidNode[bi] = -1;
                    }
                    Charge(task, (_folioPages > 1 ? _costs.MigrateThpNs : _costs.MigratePageNs) * FaultsIn(f.Pages));
                    flags |= TnfMigrated;
                    accountNode = q.DstNode;
                }
                else if (_failedLeft[f.RequestSeq] > 0)
                {
                    _failedLeft[f.RequestSeq]--;
                    _vmstat.PgmigrateFail += f.Pages;
                    flags |= TnfMigrateFail;
                }
            }
            var last = f.LastTask >= 0 ? new Cpupid(f.LastTask, f.LastNode) : Cpupid.Unset;
            TaskNumaFault(ctx, task, last, accountNode, f.Pages, flags);
        }

        for (int n = 0; n < _n; n++)
            if (_migratedFrom[n] > 0) _transfers.Add(new PageTransfer(n, -1, _migratedFrom[n]));
        foreach (var d in demotions) TakeDemotionShare(d);
        CloseStallWindows(ctx.NowMs, ctx.TickMs);
        return new ProcessPhaseCOutput([.. _moveRequests], [.. _transfers], [.. _placements]);
    }

    private void MovePages(int r, int src, int dst, long pages)
    {
        long moved = Math.Min(pages, _pagesOnNode[r * _n + src]);
        _pagesOnNode[r * _n + src] -= moved;
        _pagesOnNode[r * _n + dst] += moved;
        ShiftSliceShare(r, src, dst, moved);
        long marked = _markedOnNode[r * _n + src];
        if (marked > _pagesOnNode[r * _n + src])
        {
            _markedTotal -= marked - _pagesOnNode[r * _n + src];
            _markedOnNode[r * _n + src] = _pagesOnNode[r * _n + src];
        }
    }

    /// <summary>
    /// kswapd demotion (§5.3): this process gives its share of the demand, coldest regions first
    /// (lowest access rate per page; ties by address).
    /// </summary>
    private void TakeDemotionShare(DemotionDemand d)
    {
        long mine = 0;
        for (int r = 0; r < RegionCount; r++) mine += _pagesOnNode[r * _n + d.Node];
        if (mine == 0 || d.NodeUsedPages <= 0) return;
        long share = (long)Math.Ceiling((double)d.Pages * mine / d.NodeUsedPages);
        if (share <= 0) return;
        var order = Enumerable.Range(0, RegionCount)
            .Where(r => _pagesOnNode[r * _n + d.Node] > 0)
            .OrderBy(r => _regionRate[r] / _resident[r]).ThenBy(r => r);
        long left = share;
        foreach (int r in order)
        {
            if (left <= 0) break;
            long take = Math.Min(left, _pagesOnNode[r * _n + d.Node]);
            MovePages(r, d.Node, d.TargetNode, take);
            left -= take;
        }
        long demoted = share - left;
        if (demoted <= 0) return;
        _vmstat.PgdemoteKswapd += demoted;
        _transfers.Add(new PageTransfer(d.Node, d.TargetNode, demoted));
    }
}
