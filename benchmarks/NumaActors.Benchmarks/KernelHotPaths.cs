using BenchmarkDotNet.Attributes;
using NumaActors.Kernel.Fleet;
using NumaActors.Kernel.Model;
using NumaActors.Kernel.Phases;

namespace NumaActors.Benchmarks;

/// <summary>
/// The kernel model's hot paths on one bench-fleet server (8 NUMA nodes, 5 processes, 40 tasks,
/// 5 GiB in 2 MiB regions). The first scan pass of every process happens in tick 11 (scan_delay
/// 1 s); <see cref="ScanPassAndHintFaults"/> is phase A of that tick: the scan pass that marks
/// 256 MiB per process and the hinting faults taken on it. <see cref="FaultAccountingAndPlacement"/>
/// is phase C of the same tick: <c>task_numa_fault</c> for each of those faults and
/// <c>task_numa_placement</c>. <see cref="NodeMigrations"/> is phase B (the nodes granting the
/// migrations). <see cref="SteadyServerTick"/> is a whole tick of a server 30 s into its run.
/// </summary>
[MemoryDiagnoser]
public class KernelHotPaths
{
    private const int FirstScanTick = 11;
    private ServerSimulation _steady = null!;
    private ServerModel _model = null!;
    private TickContext _ctx = null!;
    private List<MigrationRequest>[] _perNode = [];
    private IReadOnlyList<MigrationResult>[] _resultsByProcess = [];
    private readonly List<DemotionDemand> _noDemotions = [];

    [GlobalSetup(Target = nameof(SteadyServerTick))]
    public void SetupSteady() => _steady = BenchServer.Create(300);

    [Benchmark]
    public void SteadyServerTick() => _steady.Model.Step();

    [IterationSetup(Target = nameof(ScanPassAndHintFaults))]
    public void SetupScan()
    {
        _model = BenchServer.Create(FirstScanTick - 1).Model;
        _ctx = _model.BeginTick();
        _perNode = NewPerNode(_model);
    }

    [Benchmark]
    public void ScanPassAndHintFaults()
    {
        foreach (var p in _model.Processes) p.RunPhaseA(_ctx, [], _perNode);
    }

    [IterationSetup(Target = nameof(NodeMigrations))]
    public void SetupNodes()
    {
        SetupScan();
        ScanPassAndHintFaults();
    }

    [Benchmark]
    public void NodeMigrations()
    {
        foreach (var node in _model.Nodes) node.RunPhaseB(_ctx, [], _perNode[node.Id], out _);
    }

    [IterationSetup(Target = nameof(FaultAccountingAndPlacement))]
    public void SetupPlacement()
    {
        SetupNodes();
        var byPid = new Dictionary<int, List<MigrationResult>>();
        foreach (var node in _model.Nodes)
            foreach (var r in node.RunPhaseB(_ctx, [], _perNode[node.Id], out _))
            {
                if (!byPid.TryGetValue(r.Pid, out var list)) byPid[r.Pid] = list = [];
                list.Add(r);
            }
        _resultsByProcess = [.. _model.Processes.Select(p => (IReadOnlyList<MigrationResult>?)byPid.GetValueOrDefault(p.Pid) ?? [])];
    }

    [Benchmark]
    public void FaultAccountingAndPlacement()
    {
        var processes = _model.Processes;
        for (int i = 0; i < processes.Count; i++) processes[i].RunPhaseC(_ctx, _resultsByProcess[i], _noDemotions);
    }

    private static List<MigrationRequest>[] NewPerNode(ServerModel model) =>
        [.. Enumerable.Range(0, model.Nodes.Count).Select(_ => new List<MigrationRequest>())];
}
