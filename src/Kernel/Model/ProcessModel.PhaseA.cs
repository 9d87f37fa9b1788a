using System.Collections.Immutable;
using System.Runtime.InteropServices;
using NumaActors.Kernel.Hooks;
using NumaActors.Kernel.Phases;
using NumaActors.Kernel.Rules;

namespace NumaActors.Kernel.Model;

/// <summary>Phase A: task moves decided last tick, CPU time, the scanner, accesses and hinting faults.</summary>
public sealed partial class ProcessModel
{
    private readonly List<PendingFault> _pending = [];
    private readonly List<MigrationRequest> _requests = [];

    // Request slots of the region being faulted: key (task, src, dst, kind) → index in _requests.
    private const int RequestKinds = 3;
    // A grain's last fault on a node may cover fewer pages than a full grain: such a partial fault
    // gets a request of its own, so every request's folios have one size.
    private const int RequestSizes = 2;
    private int[] _requestSlot = [];
    private int[] _requestSlotStamp = [];
    private int _requestStamp;

    /// <summary>
    /// CPU time each task has left this tick for fault handling: faults are synchronous, so a task
    /// cannot spend more than its own runtime in them; faults beyond that stay pending (the pages
    /// stay marked) until the next tick.
    /// </summary>
    private double[] _faultBudgetNs = [];
    private bool _balancingEnabledThisTick;

    /// <summary>
    /// Phase A for this process. Applies last tick's task-move results, advances every task's CPU
    /// time, runs <c>task_tick_numa</c> (gated by <c>TaskNumabEnabled</c>), the scan pass of the one
    /// task that wins the mm, and turns this tick's accesses to marked pages into hinting faults
    /// (one binomial draw per marked region). Returns the migration requests by destination node
    /// (index = node id; each node's requests in the process's order), each array built once at its
    /// final size: they travel in messages, so they must be immutable, and are copied only here.
    /// </summary>
    public ImmutableArray<ImmutableArray<MigrationRequest>> RunPhaseA(TickContext ctx, IReadOnlyList<TaskMoveResult> moves)
    {
        RunPhaseACore(ctx, moves);
        if (_requests.Count == 0) return _noRequests ??= [.. Enumerable.Repeat(ImmutableArray<MigrationRequest>.Empty, _n)];
        Span<int> counts = stackalloc int[_n];
        foreach (var q in _requests) counts[q.DstNode]++;
        var byNode = new MigrationRequest[_n][];
        for (int n = 0; n < _n; n++) byNode[n] = counts[n] == 0 ? [] : new MigrationRequest[counts[n]];
        counts.Clear();
        foreach (var q in _requests) byNode[q.DstNode][counts[q.DstNode]++] = q;
        var result = new ImmutableArray<MigrationRequest>[_n];
        for (int n = 0; n < _n; n++) result[n] = ImmutableCollectionsMarshal.AsImmutableArray(byNode[n]);
        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    private ImmutableArray<ImmutableArray<MigrationRequest>>? _noRequests;

    /// <summary>
    /// Phase A with each migration request added straight to its destination node's list
    /// (<paramref name="perNode"/>, indexed by node id): the same requests in the same order as
    /// <see cref="RunPhaseA(TickContext, IReadOnlyList{TaskMoveResult})"/>, without the copy.
    /// </summary>
    public void RunPhaseA(TickContext ctx, IReadOnlyList<TaskMoveResult> moves, List<MigrationRequest>[] perNode)
    {
        RunPhaseACore(ctx, moves);
        foreach (var q in _requests) perNode[q.DstNode].Add(q);
    }

    private void RunPhaseACore(TickContext ctx, IReadOnlyList<TaskMoveResult> moves)
    {
        _pending.Clear();
        _requests.Clear();
        RefreshGroupViews();
        foreach (var m in moves) ApplyTaskMove(ctx, m);

        var knobs = ScanKnobs(ctx);
        _balancingEnabledThisTick = false;
        if (_faultBudgetNs.Length != _tasks.Length) _faultBudgetNs = new double[_tasks.Length];
        foreach (var task in _tasks)
        {
            long ran = RuntimeThisTickNs(task, ctx);
            _faultBudgetNs[task.Index] = ran;
            task.RuntimeNs += ran;
            _cpuNs += ran;
            if (ran == 0) continue;
            // task_tick_fair → task_numab_enabled(curr) (§9.1).
            if (!ctx.Gates.TaskNumabEnabled(Context(task, ctx.StartMs))) continue;
            _balancingEnabledThisTick = true;
            if (!TaskTickNuma(task, ctx.StartMs, knobs)) continue;
            double scanCost = TaskNumaWork(task, ctx, knobs);
            Charge(task, scanCost);
            _faultBudgetNs[task.Index] -= scanCost;
        }

        ObserveAccesses(ctx);
        if (_markedTotal > 0) GenerateHintFaults(ctx);
    }

    /// <summary>
    /// The contexts phase A will present to <c>task_numab_enabled</c> for <paramref name="task"/>,
    /// in call order, worked out before the phase runs (so an engine can have them decided ahead,
    /// in parallel): for each phase D move to another node, the call of <c>update_scan_period</c>
    /// (<see cref="UpdateScanPeriodOnMove"/>: still on the old node, old preferred node); then, if
    /// the task runs this tick, the call of <c>task_tick_numa</c> (after the moves). Fault
    /// statistics and RSS do not change between the end of phase C and these calls.
    /// </summary>
    public ImmutableArray<HookTaskContext> PhaseAHookContexts(TaskState task, IReadOnlyList<TaskMoveResult> moves, TickContext ctx)
    {
        long startMs = ctx.StartMs;
        int node = task.Node, preferred = task.PreferredNid;
        var contexts = ImmutableArray.CreateBuilder<HookTaskContext>();
        foreach (var m in moves)
        {
            if (m.TaskId != task.Id) continue;
            // ApplyTaskMove: the gate is asked only for a real move to another node.
            if (m.Moved && m.NewNode != node)
            {
                contexts.Add(Context(task, node, preferred, startMs));
                node = m.NewNode;
            }
            if (m.NewPreferredNode >= 0) preferred = m.NewPreferredNode;
        }
        // RunPhaseACore: a task with no runtime this tick is not asked.
        if (RuntimeThisTickNs(task, ctx) > 0) contexts.Add(Context(task, node, preferred, startMs));
        return contexts.ToImmutable();
    }

    /// <summary>The CPU time a task runs in this tick.</summary>
    private static long RuntimeThisTickNs(TaskState task, TickContext ctx) => (long)((long)ctx.TickMs * 1_000_000 * task.Utilization);

    private void ApplyTaskMove(TickContext ctx, TaskMoveResult m)
    {
        var task = _tasks[m.TaskId - _tasks[0].Id];
        if (m.Moved && m.NewNode != task.Node)
        {
            UpdateScanPeriodOnMove(ctx, task, m.NewNode);
            task.Node = m.NewNode;
            if (m.Swapped) _vmstat.NumaTaskSwapped++;
            else _vmstat.NumaTaskMigrated++;
            Charge(task, _costs.TaskMoveNs);
        }
        if (m.NewPreferredNode >= 0) task.PreferredNid = m.NewPreferredNode;
    }

    /// <summary><c>update_scan_period</c> on a cross-node move (§4.5), gated by <c>TaskNumabEnabled</c>.</summary>
    private void UpdateScanPeriodOnMove(TickContext ctx, TaskState task, int dst)
    {
        if (!ctx.Gates.TaskNumabEnabled(Context(task, ctx.StartMs))) return;
        if (task.Faults is null) return;
        int src = task.Node;
        if (src == dst) return;
        if (task.ScanSeq != 0 && (dst == task.PreferredNid || (task.PreferredNid != KernelConstants.NoNode && src != task.PreferredNid))) return;
        var k = ScanKnobs(ctx);
        task.ScanPeriodMs = ScanPeriod.Start(RssPages, k.Size, k.Min, GroupShape(task));
    }

    private void Charge(TaskState task, double ns)
    {
        if (ns <= 0) return;
        task.StallNsWindow += ns;
        _balancingNs += ns;
        TotalBalancingNs += ns;
    }

    /// <summary>
    /// Marked pages touched during the tick fault (§3.6): with per-page access rate λ = region rate /
    /// resident pages, each marked folio faults with probability 1 − exp(−λ·Δt). One binomial draw
    /// per region over its ⌈marked / G⌉ grains of G pages (G = one folio, or the fault grain's base
    /// pages), then each fault is attributed to a task (owner, or in proportion to the tasks' shared
    /// rates), a memory node (in proportion to marked pages) and a bucket; it takes up to G marked
    /// pages of that node and counts (vmstat, cost, <c>task_numa_fault</c> pages, migration) as the
    /// faults of those pages.
    /// </summary>
    private void GenerateHintFaults(TickContext ctx)
    {
        double dt = ctx.TickMs / 1000.0;
        bool tiering = ctx.Gates.ModeTiering;
        int buckets = KernelConstants.CpupidBuckets;
        // Per-fault constants in locals: the loop below runs once per hinting fault.
        double hintNs = _costs.HintFaultNs;
        double migrateNs = _folioPages > 1 ? _costs.MigrateThpNs : _costs.MigratePageNs;
        int grainPages = _grainPages;
        var budget = _faultBudgetNs;
        // Tasks that can still take a fault this tick. Once none can, every further fault is dropped
        // unseen: only the shared-task draws that the full loop would make are kept, so the random
        // stream (and every result) stays the same.
        int usable = 0;
        for (int k = 0; k < budget.Length; k++) if (budget[k] >= hintNs) usable++;
        for (int r = 0; r < RegionCount; r++)
        {
            if (_regionRate[r] <= 0) continue;
            int row = r * _n;
            long marked = 0;
            for (int n = 0; n < _n; n++) marked += _markedOnNode[row + n];
            if (marked <= 0) continue;
            int grains = (int)((marked + grainPages - 1) / grainPages);
            double lambda = _regionRate[r] / _resident[r] * _folioPages;
            int faults = _faultRng.Binomial(grains, 1 - Math.Exp(-lambda * dt));
            if (faults == 0) continue;
            int owner = _regionOwner[r];
            if (usable == 0)
            {
                if (owner < 0) _pickRng.Skip(faults); // one PickSharedTask draw per fault
                continue;
            }
            BeginRegionRequests();
            for (int f = 0; f < faults; f++)
            {
                int t;
                if (owner >= 0)
                {
                    t = owner;
                    if (budget[t] < hintNs) break;     // the owner's budget only shrinks: no more faults here
                }
                else
                {
                    t = PickSharedTask();
                    if (budget[t] < hintNs)
                    {
                        if (usable > 0) continue;
                        _pickRng.Skip(faults - f - 1);
                        break;
                    }
                }
                var task = _tasks[t];
                int memNode = PickMarkedNode(row, marked);
                int pages = (int)Math.Min(grainPages, _markedOnNode[row + memNode]);
                marked -= pages;
                _markedOnNode[row + memNode] -= pages;
                _markedTotal -= pages;
                int b = _pickRng.NextInt(buckets);
                bool migrating = TakeHintFault(ctx, task, r, b, memNode, tiering, pages);
                budget[t] -= (hintNs + (migrating ? migrateNs : 0)) * FaultsIn(pages);
                if (budget[t] < hintNs) usable--;
            }
        }
    }

    /// <summary>The hinting faults a simulated fault of <paramref name="pages"/> base pages stands for (a partial folio is one).</summary>
    /// <remarks>On the per-fault path: base pages (the common case) need no division.</remarks>
    private int FaultsIn(int pages) => _folioPages == 1 ? pages : (pages + _folioPages - 1) / _folioPages;

    /// <summary>The memory node of a fault in the region whose per-node row starts at <paramref name="row"/>.</summary>
    private int PickMarkedNode(int row, long marked)
    {
        // Base pages (the common case) need no 64-bit division, which costs as much as the draw.
        double u = _pickRng.NextDouble();
        long pick = _folioPages == 1 ? (long)(u * marked) : (long)(u * (marked / _folioPages)) * _folioPages;
        var markedOnNode = _markedOnNode;
        for (int n = 0; n < _n; n++)
        {
            long m = markedOnNode[row + n];
            if (pick < m) return n;
            pick -= m;
        }
        for (int n = _n - 1; n >= 0; n--) if (markedOnNode[row + n] > 0) return n;
        return 0;
    }

    private int PickSharedTask()
    {
        var cum = _sharedTaskCumulative;
        double u = _pickRng.NextDouble() * cum[^1];
        // The first k with u < cum[k] (cum never decreases): a binary search finds the same k.
        int lo = 0, hi = cum.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (u < cum[mid]) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    /// <summary>
    /// <c>do_numa_page</c> → <c>numa_migrate_check</c> → <c>mpol_misplaced</c> (§3.1, §5.1–§5.3) for
    /// one simulated fault of <paramref name="pages"/> base pages (one folio, or a grain of them);
    /// accounting (<c>task_numa_fault</c>) waits for phase C.
    /// </summary>
    private bool TakeHintFault(TickContext ctx, TaskState task, int r, int b, int memNode, bool tiering, int pages)
    {
        int cpuNode = task.Node;
        bool local = memNode == cpuNode;
        int faults = FaultsIn(pages);
        _vmstat.NumaHintFaults += faults;
        if (local) _vmstat.NumaHintFaultsLocal += faults;
        _pidsActive[1] |= 1UL << PidBucket(task.Id);
        Charge(task, _costs.HintFaultNs * faults);

        int bi = r * KernelConstants.CpupidBuckets + b;
        bool slowTiering = tiering && !_topo.TopTier[memNode];
        // A slow-tier folio's cpupid field holds its scan time in tiering mode → last cpupid "unset".
        int lastTask = slowTiering ? -1 : _cpupidTask[bi];
        int lastNode = slowTiering ? -1 : _cpupidNode[bi];

        int seq = -1;
        // mpol_misplaced, default policy: a remote folio's target is the faulting CPU's node (MORON).
        if (!local && _allowedMemNodes[cpuNode])
        {
            MigrationKind? kind = null;
            if (slowTiering)
            {
                kind = PromotionDecision(ctx, task, r);
            }
            else
            {
                // should_numa_migrate_memory, NORMAL path: exchange the cpupid, then the filters.
                _cpupidTask[bi] = task.Index;
                _cpupidNode[bi] = cpuNode;
                var last = lastTask >= 0 ? new Cpupid(lastTask, lastNode) : Cpupid.Unset;
                GroupFaultView? group = task.Group >= 0 ? _groupViews[task.Group] : null;
                if (MigrationFilter.ShouldMigrate(task.Index, cpuNode, memNode, last, task.PreferredNid, task.ScanSeq, group))
                    kind = MigrationKind.Normal;
            }
            if (kind is { } k) seq = AddToRequest(ctx, task, r, memNode, cpuNode, k, pages);
        }
        _pending.Add(new PendingFault(task.Index, r, b, memNode, lastTask, lastNode, local, seq, pages));
        return seq >= 0;
    }

    /// <summary>Tiering path of <c>should_numa_migrate_memory</c> (§5.3), up to the rate limit (phase B).</summary>
    private MigrationKind? PromotionDecision(TickContext ctx, TaskState task, int r)
    {
        var view = ctx.Nodes[task.Node];
        if (view.FreeSpaceEnough) return MigrationKind.PromotionNoRateLimit;
        long defTh = ctx.Gates.HotThresholdMs(CgroupId);
        long th = view.ThresholdMs != 0 ? view.ThresholdMs : defTh;
        // The page's first access after its scan falls somewhere in this tick.
        double latency = ctx.StartMs - _scanTimeMs[r] + _pickRng.NextDouble() * ctx.TickMs;
        if (latency >= th) return null;
        return MigrationKind.Promotion;
    }

    /// <summary>
    /// Adds the fault's <paramref name="pages"/> (one folio or grain) to this region's request for
    /// (task, src, dst, kind, full or partial grain), or starts one. A slot table indexed by that
    /// key, stamped per region, finds the request without scanning.
    /// </summary>
    private int AddToRequest(TickContext ctx, TaskState task, int r, int src, int dst, MigrationKind kind, int pages)
    {
        int partial = pages == _grainPages ? 0 : 1;
        int key = (((task.Index * _n + src) * _n + dst) * RequestKinds + (int)kind) * RequestSizes + partial;
        if (_requestSlotStamp[key] == _requestStamp)
        {
            int i = _requestSlot[key];
            ref var q = ref CollectionsMarshal.AsSpan(_requests)[i];
            q = q with { Folios = q.Folios + 1 };
            if (kind == MigrationKind.Promotion) _vmstat.PgpromoteCandidate += pages;
            if (kind == MigrationKind.PromotionNoRateLimit) _vmstat.PgpromoteCandidateNrl += pages;
            return q.Seq;
        }
        int seq = _requests.Count;
        if (kind == MigrationKind.Promotion) _vmstat.PgpromoteCandidate += pages;
        if (kind == MigrationKind.PromotionNoRateLimit) _vmstat.PgpromoteCandidateNrl += pages;
        _requests.Add(new MigrationRequest(task.Id, Pid, r, src, dst, 1, pages, kind, ctx.Gates.HotThresholdMs(CgroupId), seq));
        _requestSlotStamp[key] = _requestStamp;
        _requestSlot[key] = seq;
        return seq;
    }

    /// <summary>Forgets the previous region's requests in the slot table (a new stamp; a clear on wrap-around).</summary>
    private void BeginRegionRequests()
    {
        int size = _tasks.Length * _n * _n * RequestKinds * RequestSizes;
        if (_requestSlot.Length != size)
        {
            _requestSlot = new int[size];
            _requestSlotStamp = new int[size];
            _requestStamp = 0;
        }
        if (_requestStamp == int.MaxValue)
        {
            Array.Clear(_requestSlotStamp);
            _requestStamp = 0;
        }
        _requestStamp++;
    }
}
