using System.Collections.Immutable;
using NumaActors.Kernel.Knobs;
using NumaActors.Kernel.Model;
using NumaActors.Kernel.Observability;
using NumaActors.Kernel.Phases;
using NumaActors.Kernel.Setup;
using NumaActors.Kernel.Tests.Support;

namespace NumaActors.Kernel.Tests.Model;

/// <summary>Issue 3, "Done when" 8, and the phase contract the actor engine relies on.</summary>
public class DeterminismTests
{
    private static ServerModel Shared(ulong seed) =>
        Sim.Server(TestMachines.TwoNode(), TestGates.Global(NumaBalancingMode.Normal), seed: seed,
            processes: Sim.Process(1, 128 * Sim.MiB, InitialPlacement.OnNode(0), tasks: 2, pin: [0, 1], shared: 1.0));

    private static string Fingerprint(ServerSnapshot s) =>
        string.Join(";", s.VmStat.ByKernelName().Select(kv => kv.Value)) + "|" + string.Join(",", s.Processes[0].PagesOnNode);

    [Fact]
    public void Same_seed_gives_identical_results()
    {
        var a = Shared(42);
        var b = Shared(42);
        a.RunUntil(20_000);
        b.RunUntil(20_000);
        Assert.Equal(Fingerprint(a.TakeSnapshot()), Fingerprint(b.TakeSnapshot()));
    }

    [Fact]
    public void Different_seeds_give_different_but_similar_results()
    {
        var a = Shared(1);
        var b = Shared(2);
        a.RunUntil(20_000);
        b.RunUntil(20_000);
        var sa = a.TakeSnapshot();
        var sb = b.TakeSnapshot();
        Assert.NotEqual(Fingerprint(sa), Fingerprint(sb));
        // Shared pages ping-pong at random (a fault draw per region, a bucket per fault), but the
        // totals agree within a quarter and the locality within 5 points.
        Assert.InRange((double)sb.VmStat.NumaPagesMigrated / sa.VmStat.NumaPagesMigrated, 0.75, 1.33);
        Assert.InRange(sb.Processes[0].LocalAccessRatio - sa.Processes[0].LocalAccessRatio, -0.05, 0.05);
    }

    [Fact]
    public void Driving_the_phases_one_owner_at_a_time_equals_Step()
    {
        // The actor engine's view: each owner runs its phase in isolation, in reverse owner order
        // here, with inputs sorted canonically; the result must equal the sequential Step().
        var reference = Shared(7);
        var manual = Shared(7);
        var pendingMoves = new List<TaskMoveResult>();
        var pendingTransfers = new List<PageTransfer>();
        for (int tick = 0; tick < 100; tick++)
        {
            reference.Step();

            var ctx = manual.BeginTick();
            var requests = new List<MigrationRequest>();
            foreach (var p in manual.Processes.Reverse())
                requests.AddRange(p.RunPhaseA(ctx, pendingMoves.Where(m => m.Pid == p.Pid).ToList()).SelectMany(byNode => byNode));
            var routed = manual.RouteTransfers(pendingTransfers);
            var outs = manual.Nodes.Reverse().Select(n => n.RunPhaseB(ctx, routed[n.Id], [requests.Where(q => q.DstNode == n.Id).Reverse().ToImmutableArray()]))
                .OrderBy(o => o.View.Node).ToList();
            var demotions = outs.Where(o => o.Demotion is not null).Select(o => o.Demotion!.Value).ToList();
            var cOut = manual.Processes.Select(p => p.RunPhaseC(ctx, outs.SelectMany(o => o.Results).Where(r => r.Pid == p.Pid).ToList(), demotions)).ToList();
            pendingMoves = [.. manual.FinishTick([.. outs.Select(o => o.View)], cOut)];
            pendingTransfers = [.. manual.PendingTransfers];
        }
        Assert.Equal(Fingerprint(reference.TakeSnapshot()), Fingerprint(manual.TakeSnapshot()));
    }

    [Fact]
    public void A_process_that_asked_the_nodes_nothing_may_run_phase_C_before_phase_B()
    {
        // The actor engine's shortcut (ProcessModel.PhaseCWaitsForNodes): such a process's phase C
        // runs right after its phase A, before any node's phase B; the result must equal Step().
        var reference = Shared(11);
        var manual = Shared(11);
        var pendingMoves = new List<TaskMoveResult>();
        var pendingTransfers = new List<PageTransfer>();
        int early = 0, waited = 0;
        for (int tick = 0; tick < 150; tick++)
        {
            reference.Step();

            var ctx = manual.BeginTick();
            var byNode = new List<ImmutableArray<MigrationRequest>>[manual.Nodes.Count];
            for (int n = 0; n < byNode.Length; n++) byNode[n] = [];
            var cOut = new Dictionary<int, ProcessPhaseCOutput>();
            foreach (var p in manual.Processes)
            {
                var requests = p.RunPhaseA(ctx, pendingMoves.Where(m => m.Pid == p.Pid).ToList());
                for (int n = 0; n < byNode.Length; n++) byNode[n].Add(requests[n]);
                if (p.PhaseCWaitsForNodes(ctx)) { waited++; continue; }
                Assert.All(requests, r => Assert.Empty(r));
                cOut[p.Pid] = p.RunPhaseC(ctx, [], []);
                early++;
            }
            var routed = manual.RouteTransfers(pendingTransfers);
            var outs = manual.Nodes.Select(n => n.RunPhaseB(ctx, routed[n.Id], byNode[n.Id])).ToList();
            var demotions = outs.Where(o => o.Demotion is not null).Select(o => o.Demotion!.Value).ToList();
            foreach (var p in manual.Processes.Where(p => !cOut.ContainsKey(p.Pid)))
                cOut[p.Pid] = p.RunPhaseC(ctx, outs.SelectMany(o => o.Results).Where(r => r.Pid == p.Pid).ToList(), demotions);
            pendingMoves = [.. manual.FinishTick([.. outs.Select(o => o.View)], [.. manual.Processes.Select(p => cOut[p.Pid])])];
            pendingTransfers = [.. manual.PendingTransfers];
        }
        Assert.True(early > 0 && waited > 0, $"both paths must be taken (early {early}, waited {waited})");
        Assert.Equal(Fingerprint(reference.TakeSnapshot()), Fingerprint(manual.TakeSnapshot()));
    }
}
