using System.Collections.Immutable;
using NumaActors.Kernel.Hooks;
using NumaActors.Kernel.Knobs;
using NumaActors.Kernel.Observability;
using NumaActors.Kernel.Phases;
using NumaActors.Kernel.Rules;
using NumaActors.Kernel.Setup;

namespace NumaActors.Kernel.Model;

/// <summary>
/// One simulated server: its nodes, processes (each with its tasks) and the phase-D task-move
/// resolver, advanced one tick at a time by <see cref="Step"/> (the sequential engine).
/// <para>
/// Phase contract (DESIGN.md bulk-synchronous tick; the actor engine calls the same methods, one
/// owner at a time, with a barrier between phases):
/// </para>
/// <list type="number">
/// <item><b>Begin</b> — <see cref="BeginTick"/> builds the immutable <see cref="TickContext"/>
/// (time at the end of the tick, knobs, gates, node views published by the previous phase B).</item>
/// <item><b>Phase A, per process</b> — <see cref="ProcessModel.RunPhaseA"/>(ctx, task-move results of
/// the previous phase D for its tasks): CPU time, <c>task_tick_numa</c>, the scan pass, accesses and
/// hinting faults. Mutates only the process. Emits <see cref="MigrationRequest"/>s, each routed to
/// its <c>DstNode</c>.</item>
/// <item><b>Phase B, per node</b> — <see cref="NodeModel.RunPhaseB"/>(ctx, page transfers of the
/// previous phase C that name the node, requests targeting the node). Mutates only the node; the node
/// sorts requests canonically (task id, region, seq). Emits <see cref="MigrationResult"/>s (routed by
/// pid), at most one <see cref="DemotionDemand"/> (sent to every process) and its <see cref="NodeView"/>.</item>
/// <item><b>Phase C, per process</b> — <see cref="ProcessModel.RunPhaseC"/>(ctx, its results, all
/// demotion demands in node order): applies migrations, <c>task_numa_fault</c>, placement,
/// demotion shares. Mutates only the process. Emits <see cref="TaskMoveRequest"/>s,
/// <see cref="PageTransfer"/>s (applied by nodes in the next phase B) and
/// <see cref="TaskPlacementInfo"/>s.</item>
/// <item><b>Phase D and end, per server</b> — <see cref="FinishTick"/>(node views, phase C outputs in
/// pid order): resolves moves and swaps in task-id order, stores what the next tick needs, and emits
/// <see cref="TaskMoveResult"/>s, routed by pid to the next phase A.</item>
/// </list>
/// Every collection a phase receives must be in a canonical order (processes by pid, nodes by id),
/// never arrival order. A process with no task running and nothing marked does no work in phase A.
/// </summary>
public sealed class ServerModel
{
    private readonly List<ProcessModel> _processes = [];
    private readonly NodeModel[] _nodes;
    private readonly List<MigrationRequest>[] _requestsByNode;
    private readonly Dictionary<int, List<MigrationResult>> _resultsByPid = [];
    private readonly List<ProcessPhaseCOutput> _phaseCOutputs = [];
    private readonly TaskMoveResolver _resolver;
    private readonly ServerSetup _setup;
    private INumabGates _gates;
    private ImmutableArray<NodeView> _views;
    private List<PageTransfer> _pendingTransfers = [];
    private Dictionary<int, List<TaskMoveResult>> _pendingMoves = [];
    private readonly List<TaskPlacementInfo> _pendingPlacements = [];
    private VmStatCounters _removedVmStat = VmStatCounters.Zero;
    private double _removedBalancingNs;
    private int _nextTaskId = 1;

    public ServerModel(ServerSetup setup, INumabGates gates)
    {
        _setup = setup;
        _gates = gates;
        Knobs = setup.Knobs;
        Topology = new NumaTopology(setup.Machine, setup.CostModel.FallbackLocalLatencyNs);
        long total = Topology.MemoryPages.Sum();
        _nodes = new NodeModel[Topology.NodeCount];
        for (int n = 0; n < _nodes.Length; n++)
            _nodes[n] = new NodeModel(n, Topology.MemoryPages[n], Topology.TopTier[n], Topology.HasCpus[n],
                Watermarks.For(Topology.MemoryPages[n], total), Topology.DemotionTarget(n));
        _resolver = new TaskMoveResolver(Topology);
        _requestsByNode = new List<MigrationRequest>[_nodes.Length];
        for (int n = 0; n < _nodes.Length; n++) _requestsByNode[n] = [];
        foreach (var p in setup.Processes.OrderBy(p => p.Pid)) AddProcess(p);
        _views = [.. _nodes.Select(n => n.View)];
    }

    public int ServerId => _setup.ServerId;
    public NumaTopology Topology { get; }
    public NumaBalancingKnobs Knobs { get; private set; }
    public INumabGates Gates => _gates;
    public long NowMs { get; private set; }
    public long TickIndex { get; private set; }
    public int TickMs => _setup.TickMs;
    public IReadOnlyList<ProcessModel> Processes => _processes;
    public IReadOnlyList<NodeModel> Nodes => _nodes;
    public TaskMoveResolver Resolver => _resolver;

    /// <summary>Runs one tick: begin, A for every process, B for every node, C for every process, D, end.</summary>
    public void Step()
    {
        var ctx = BeginTick();
        // The per-node request lists live as long as the server: phase B reads them only during its call.
        var perNode = _requestsByNode;
        foreach (var list in perNode) list.Clear();
        foreach (var p in _processes)
        {
            var moves = _pendingMoves.TryGetValue(p.Pid, out var m) ? m : (IReadOnlyList<TaskMoveResult>)[];
            p.RunPhaseA(ctx, moves, perNode);
        }

        // Results per pid in lists the server keeps (cleared, never dropped): a process with none gets an empty list.
        var resultsByPid = _resultsByPid;
        foreach (var list in resultsByPid.Values) list.Clear();
        var demotions = new List<DemotionDemand>();
        var views = new NodeView[_nodes.Length];
        var transfersByNode = RouteTransfers(_pendingTransfers);
        foreach (var node in _nodes)
        {
            var results = node.RunPhaseB(ctx, transfersByNode[node.Id], perNode[node.Id], out var demotion);
            for (int i = 0; i < results.Count; i++)
            {
                var r = results[i];
                if (!resultsByPid.TryGetValue(r.Pid, out var list)) resultsByPid[r.Pid] = list = [];
                list.Add(r);
            }
            if (demotion is { } d) demotions.Add(d);
            views[node.Id] = node.View;
        }

        var outputs = _phaseCOutputs;
        outputs.Clear();
        foreach (var p in _processes)
        {
            var res = resultsByPid.TryGetValue(p.Pid, out var l) ? l : (IReadOnlyList<MigrationResult>)[];
            outputs.Add(p.RunPhaseC(ctx, res, demotions));
        }
        FinishTick([.. views], outputs);
    }

    /// <summary>Advances the clock by one tick and returns the context every phase of the tick reads.</summary>
    public TickContext BeginTick()
    {
        NowMs += TickMs;
        TickIndex++;
        return new TickContext(NowMs, TickMs, TickIndex, Knobs, _gates, _views);
    }

    /// <summary>
    /// Phase D and the end of the tick, from every process's phase C output in pid order: gathers
    /// page transfers, move requests and placement infos (with those of processes started since the
    /// last tick), resolves task moves and swaps in canonical (task id) order, and stores the node
    /// views, transfers and move results the next tick consumes. Returns the move results, which
    /// the next phase A applies per pid. Both engines end a tick here.
    /// </summary>
    public ImmutableArray<TaskMoveResult> FinishTick(ImmutableArray<NodeView> views, IReadOnlyList<ProcessPhaseCOutput> outputs)
    {
        var transfers = new List<PageTransfer>();
        var moveRequests = new List<TaskMoveRequest>();
        var placements = new List<TaskPlacementInfo>(_pendingPlacements);
        _pendingPlacements.Clear();
        foreach (var o in outputs)
        {
            transfers.AddRange(o.Transfers);
            moveRequests.AddRange(o.MoveRequests);
            placements.AddRange(o.Placements);
        }
        var moves = _resolver.Resolve(placements, moveRequests);
        _views = views;
        _pendingTransfers = transfers;
        _pendingMoves = [];
        foreach (var m in moves)
        {
            if (!_pendingMoves.TryGetValue(m.Pid, out var list)) _pendingMoves[m.Pid] = list = [];
            list.Add(m);
        }
        return moves;
    }

    /// <summary>The page transfers of the last phase C, which the next phase B applies (see <see cref="RouteTransfers"/>).</summary>
    public IReadOnlyList<PageTransfer> PendingTransfers => _pendingTransfers;

    /// <summary>Routes page transfers to the nodes they name (From and To), keeping their order.</summary>
    public List<PageTransfer>[] RouteTransfers(IReadOnlyList<PageTransfer> transfers)
    {
        var byNode = new List<PageTransfer>[_nodes.Length];
        for (int n = 0; n < byNode.Length; n++) byNode[n] = [];
        foreach (var t in transfers)
        {
            byNode[t.FromNode].Add(t);
            if (t.ToNode >= 0 && t.ToNode != t.FromNode) byNode[t.ToNode].Add(t);
        }
        return byNode;
    }

    /// <summary>Runs ticks until <paramref name="untilMs"/>.</summary>
    public void RunUntil(long untilMs)
    {
        while (NowMs + TickMs <= untilMs) Step();
    }

    /// <summary>Starts a process now (timeline <c>scale</c> up): places its tasks and memory.</summary>
    public ProcessModel AddProcess(ProcessSetup setup)
    {
        if (_processes.Any(p => p.Pid == setup.Pid))
            throw new ArgumentException($"process {setup.Pid} already exists on server {ServerId}", nameof(setup));
        var proc = new ProcessModel(setup, _nextTaskId, Topology, _setup.CostModel, _setup.RegionSizeBytes, _setup.Seed, ServerId, NowMs,
            _gates.Overrides(setup.CgroupId).ScanDelayMs ?? Knobs.ScanDelayMs, _setup.FaultGrainPages);
        _nextTaskId += setup.Tasks;
        InitialPlacer.PlaceTasks(proc, Topology, RunningPerNode());
        InitialPlacer.PlaceMemory(proc, setup.Placement, Topology, _nodes);
        int at = _processes.FindIndex(p => p.Pid > setup.Pid);
        _processes.Insert(at < 0 ? _processes.Count : at, proc);
        _pendingPlacements.AddRange(proc.PlacementInfos());
        foreach (var i in proc.PlacementInfos()) _resolver.Publish(i);
        return proc;
    }

    /// <summary>Ends a process now (timeline <c>scale</c> down): frees its memory; its counters stay in the server's totals.</summary>
    public bool RemoveProcess(int pid)
    {
        int i = _processes.FindIndex(p => p.Pid == pid);
        if (i < 0) return false;
        var proc = _processes[i];
        for (int n = 0; n < _nodes.Length; n++) _nodes[n].Adjust(-proc.PagesOnNode(n));
        foreach (var id in proc.TaskIds) _resolver.Forget(id);
        _removedVmStat = _removedVmStat.Add(proc.VmStat);
        _removedBalancingNs += proc.TotalBalancingNs;
        _processes.RemoveAt(i);
        _pendingMoves.Remove(pid);
        _pendingPlacements.RemoveAll(x => x.Pid == pid);
        return true;
    }

    /// <summary>Timeline <c>phase</c>: a new access model for a process from the next tick.</summary>
    public bool SetAccessModel(int pid, AccessModel access)
    {
        var proc = _processes.FirstOrDefault(p => p.Pid == pid);
        if (proc is null) return false;
        proc.ApplyAccessModel(access);
        return true;
    }

    /// <summary>
    /// Timeline <c>sysctl</c>: new knobs from the next tick. The mode the model obeys is the gates'
    /// (kernel-model.md §9): update the gates with the same knobs, and pass new gates here if they are
    /// another object. When the tiering bit goes from clear to set, each node's promotion state is
    /// reset as <c>reset_memory_tiering()</c> does (§1.1).
    /// </summary>
    public void SetKnobs(NumaBalancingKnobs knobs, INumabGates? gates = null)
    {
        bool tieringWasOn = (Knobs.Mode & NumaBalancingMode.MemoryTiering) != 0;
        Knobs = knobs;
        if (gates is not null) _gates = gates;
        if (!tieringWasOn && (knobs.Mode & NumaBalancingMode.MemoryTiering) != 0)
            foreach (var n in _nodes) n.ResetTiering(NowMs);
    }

    /// <summary>Replace the gates (a hook attached, updated or detached).</summary>
    public void SetGates(INumabGates gates) => SetKnobs(Knobs, gates);

    private int[] RunningPerNode()
    {
        var running = new int[_nodes.Length];
        foreach (var p in _processes)
            foreach (var t in p.Tasks) if (t.Utilization > 0) running[t.Node]++;
        return running;
    }

    /// <summary>Interval figures of every process since the previous snapshot, node state and server totals.</summary>
    public ServerSnapshot TakeSnapshot()
    {
        var procs = _processes.Select(p => p.TakeSnapshot()).ToImmutableArray();
        var vm = _removedVmStat;
        foreach (var p in _processes) vm = vm.Add(p.VmStat);
        double balancing = _removedBalancingNs + _processes.Sum(p => p.TotalBalancingNs);
        double totalCpuNs = (double)NowMs * 1e6 * Math.Max(1, Topology.Cpus.Sum());
        double cost = totalCpuNs > 0 ? 100.0 * balancing / totalCpuNs : 0;
        return new ServerSnapshot(ServerId, NowMs, procs, [.. _nodes.Select(n => n.Snapshot())], vm, cost);
    }
}
