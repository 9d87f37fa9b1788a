using System.Collections.Immutable;
using NumaActors.Kernel.Observability;
using NumaActors.Kernel.Phases;

namespace NumaActors.Kernel.Model;

/// <summary>What the process's tasks experienced: locality, latency, CPU and stall figures for the report.</summary>
public sealed partial class ProcessModel
{
    private double _accesses, _localAccesses, _latencySum, _balancingNs, _cpuNs;
    private readonly List<double> _stallSamples = [];
    private double[] _sliceNodeShare = [];

    /// <summary>
    /// Closed form per tick: a task's accesses split over nodes as its slices' weights times each
    /// region's pages per node; local = the task's node share, latency from the latency matrix (§8.3).
    /// </summary>
    private void ObserveAccesses(TickContext ctx)
    {
        int slices = _tasks.Length + 1; // slice 0 = shared, slice k+1 = task k's private slice
        if (_sliceNodeShare.Length != slices * _n) { _sliceNodeShare = new double[slices * _n]; _layoutDirty = true; }
        if (_layoutDirty) RecomputeSliceShares();
        ObserveTasks(ctx);
    }

    /// <summary>
    /// Set when pages are placed or the access model changes; the slice shares are then recomputed
    /// once. Migrations and demotions update the shares in place (<see cref="ShiftSliceShare"/>).
    /// </summary>
    private bool _layoutDirty = true;

    private void RecomputeSliceShares()
    {
        _layoutDirty = false;
        Array.Clear(_sliceNodeShare);
        for (int r = 0; r < RegionCount; r++)
        {
            int slice = SliceOf(r);
            double w = _regionWeight[r] / _resident[r];
            for (int n = 0; n < _n; n++)
            {
                long p = _pagesOnNode[r * _n + n];
                if (p != 0) _sliceNodeShare[slice * _n + n] += w * p;
            }
        }
    }

    /// <summary>The access slice a region belongs to: 0 = shared, k + 1 = task k's private memory.</summary>
    private int SliceOf(int r) => _regionOwner[r] < 0 || _sharedRegions == RegionCount ? 0 : _regionOwner[r] + 1;

    /// <summary>
    /// <paramref name="pages"/> of region <paramref name="r"/> moved from <paramref name="src"/> to
    /// <paramref name="dst"/>: the slice shares change by that region's weight per page times the
    /// pages, so a tick with migrations costs O(moves), not a recompute over every region.
    /// </summary>
    private void ShiftSliceShare(int r, int src, int dst, long pages)
    {
        if (_layoutDirty || pages == 0) return;
        int row = SliceOf(r) * _n;
        double d = _regionWeight[r] / _resident[r] * pages;
        _sliceNodeShare[row + src] -= d;
        _sliceNodeShare[row + dst] += d;
    }

    private void ObserveTasks(TickContext ctx)
    {
        double dt = ctx.TickMs / 1000.0;
        for (int k = 0; k < _tasks.Length; k++)
        {
            var task = _tasks[k];
            double acc = TaskRate(task) * dt;
            if (acc <= 0) continue;
            double shared = SharedShare(k);
            double local = 0, lat = 0;
            for (int n = 0; n < _n; n++)
            {
                double f = shared * _sliceNodeShare[n] + (1 - shared) * _sliceNodeShare[(k + 1) * _n + n];
                if (n == task.Node) local += f;
                lat += f * _topo.LatencyNs(task.Node, n);
            }
            _accesses += acc;
            _localAccesses += acc * local;
            _windowAccesses += acc;
            _windowLocalAccesses += acc * local;
            _latencySum += acc * lat;
        }
    }

    /// <summary>Close the 100 ms stall windows that end at <paramref name="nowMs"/> (one sample per task per window; per tick when ticks are longer).</summary>
    private void CloseStallWindows(long nowMs, int tickMs)
    {
        if (tickMs < 100 && nowMs % 100 != 0) return;
        foreach (var t in _tasks)
        {
            if (t.Utilization <= 0) continue;
            _stallSamples.Add(t.StallNsWindow / 1e6);
            t.StallNsWindow = 0;
        }
    }

    /// <summary>The figures since the previous snapshot (interval values are reset), plus cumulative counters and current placement.</summary>
    public ProcessSnapshot TakeSnapshot()
    {
        var pages = new long[_n];
        for (int r = 0; r < RegionCount; r++)
            for (int n = 0; n < _n; n++) pages[n] += _pagesOnNode[r * _n + n];
        var snap = new ProcessSnapshot(Pid, CgroupId, Setup.Name, Setup.LatencySensitive, _balancingEnabledThisTick,
            _accesses, _localAccesses, _latencySum, _balancingNs, _cpuNs, [.. _stallSamples], _vmstat.ToCounters(),
            [.. pages], [.. _tasks.Select(t => t.Node)], [.. _tasks.Select(t => t.PreferredNid)],
            [.. _tasks.Select(t => t.ScanPeriodMs)], _scanSeq);
        _accesses = _localAccesses = _latencySum = _balancingNs = _cpuNs = 0;
        _stallSamples.Clear();
        return snap;
    }

    private double _windowAccesses, _windowLocalAccesses;
    private long _windowStartMs = -1;
    private VmStatCounters _windowBase = VmStatCounters.Zero;

    /// <summary>
    /// This cgroup's figures since the previous call (the hook program's statistics window,
    /// <see cref="Hooks.IHookProgram.OnStatsWindow"/>); the first call covers the time since start.
    /// </summary>
    public Hooks.CgroupWindowStats TakeWindowStats(long nowMs)
    {
        var vm = _vmstat.ToCounters();
        long start = _windowStartMs < 0 ? 0 : _windowStartMs;
        var stats = new Hooks.CgroupWindowStats(nowMs * 1_000_000, (nowMs - start) * 1_000_000,
            (long)_windowAccesses, (long)_windowLocalAccesses,
            vm.NumaHintFaults - _windowBase.NumaHintFaults, vm.NumaHintFaultsLocal - _windowBase.NumaHintFaultsLocal,
            vm.NumaPagesMigrated - _windowBase.NumaPagesMigrated, vm.PgpromoteCandidate - _windowBase.PgpromoteCandidate,
            vm.PgpromoteSuccess - _windowBase.PgpromoteSuccess, RssPages);
        _windowBase = vm;
        _windowStartMs = nowMs;
        _windowAccesses = _windowLocalAccesses = 0;
        return stats;
    }

    /// <summary>Balancing CPU time since start, for the server's AutoNUMA cost figure.</summary>
    public double TotalBalancingNs { get; private set; }

    public ImmutableArray<int> TaskIds => [.. _tasks.Select(t => t.Id)];
}
