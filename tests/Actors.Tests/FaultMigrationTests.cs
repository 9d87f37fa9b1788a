using System.Collections.Immutable;
using Akka.TestKit.Xunit2;
using NumaActors.Actors.Actors;
using NumaActors.Actors.Tests.Support;
using NumaActors.Kernel.Fleet;
using NumaActors.Kernel.Hooks;
using NumaActors.Kernel.Knobs;
using NumaActors.Kernel.Model;
using NumaActors.Kernel.Phases;
using NumaActors.Kernel.Rules;
using NumaActors.Kernel.Scenarios;
using static NumaActors.Actors.Messages.MigrationProtocol;
using static NumaActors.Actors.Messages.ScanFaultProtocol;

namespace NumaActors.Actors.Tests;

/// <summary>
/// The scan → hinting fault → migration conversation between a cgroup actor (its process) and a
/// node actor: a remote fault asks to move the page to the task's node; a node with no room above
/// its high watermark refuses (<c>TNF_MIGRATE_FAIL</c>), one with room takes it; the counters move.
/// </summary>
public sealed class FaultMigrationTests : TestKit
{
    // Tasks are pinned to node 0; all memory starts on node 1; global balancing on, fast scanning.
    private static readonly Scenario Scenario = TestScenarios.Load(new ScenarioBuilder("faults", TimeSpan.FromSeconds(10), seed: 2)
        .Class("small", 1, "test-2node", new SysctlOverrides(Mode: NumaBalancingMode.Normal, ScanDelayMs: 100, ScanPeriodMinMs: 100))
        .Workload(TestScenarios.Spread("app", "small", 1, 2, 64L << 20) with
        {
            InitialMemory = new InitialMemory(InitialMemoryKind.Node, 1),
            Pin = [0],
        }));

    [Fact]
    public void Remote_hinting_fault_asks_for_a_migration_a_full_node_refuses_and_a_roomy_one_takes()
    {
        var sim = new ServerSimulation(Scenario, Scenario.Arms[0], FleetLayout.Plan(Scenario)[0], TestScenarios.Programs);
        var gates = (NumabGates)sim.Model.Gates;
        var process = sim.Model.Processes[0];
        var cgroup = ChildActorOf(CgroupActor.Props(process, process.CgroupId, gates, null));

        // Full node 0: capacity 1000 pages, all used, so free < WMARK_HIGH + 1 (kernel-model.md §5.4).
        var full = new NodeModel(0, 1000, topTier: true, hasCpus: true, Watermarks.For(1000, 2000), demotionTarget: -1);
        full.Adjust(1000);
        var fullNode = Sys.ActorOf(NodeActor.Props(full, null));
        var roomyNode = Sys.ActorOf(NodeActor.Props(sim.Model.Nodes[0], null));

        var (refusedCtx, refused) = TickUntilRequests(cgroup, sim);
        Assert.All(refused, q => Assert.Equal((1, 0), (q.SrcNode, q.DstNode)));
        fullNode.Tell(new ResolveMigrations(refusedCtx.TickIndex, refusedCtx, [], [refused]), TestActor);
        var no = ExpectMsg<MigrationsResolved>();
        var refusedFolios = refused.Sum(q => q.Folios);
        Assert.Equal(refusedFolios, no.Output.Results.Sum(r => r.Failed));
        Assert.Equal(0, no.Output.Results.Sum(r => r.Migrated));
        var before = process.VmStat;
        PhaseC(cgroup, refusedCtx, no.Output.Results);
        var afterRefusal = process.VmStat;
        Assert.Equal(refused.Sum(q => (long)q.Folios * q.PagesPerFolio), afterRefusal.PgmigrateFail - before.PgmigrateFail);
        Assert.Equal(before.NumaPagesMigrated, afterRefusal.NumaPagesMigrated);

        var (takenCtx, taken) = TickUntilRequests(cgroup, sim);
        var onNode0 = process.PagesOnNode(0);
        roomyNode.Tell(new ResolveMigrations(takenCtx.TickIndex, takenCtx, [], [taken]), TestActor);
        var yes = ExpectMsg<MigrationsResolved>();
        Assert.Equal(taken.Sum(q => q.Folios), yes.Output.Results.Sum(r => r.Migrated));
        PhaseC(cgroup, takenCtx, yes.Output.Results);
        var movedPages = taken.Sum(q => (long)q.Folios * q.PagesPerFolio);
        Assert.Equal(movedPages, process.VmStat.NumaPagesMigrated - afterRefusal.NumaPagesMigrated);
        Assert.Equal(onNode0 + movedPages, process.PagesOnNode(0));
    }

    /// <summary>Phase A, then (no request yet) an empty phase C, tick after tick, until a fault asks for a migration.</summary>
    private (TickContext, ImmutableArray<MigrationRequest>) TickUntilRequests(Akka.Actor.IActorRef cgroup, ServerSimulation sim)
    {
        for (var k = 0; k < 60; k++)
        {
            var ctx = sim.Model.BeginTick();
            cgroup.Tell(new RunScanAndFaults(ctx.TickIndex, ctx, [], 0), TestActor);
            var taken = ExpectMsg<FaultsTaken>();
            var requests = taken.RequestsByNode.SelectMany(byNode => byNode).ToImmutableArray();
            if (!requests.IsEmpty) return (ctx, requests);
            PhaseC(cgroup, ctx, []);
        }
        throw new Xunit.Sdk.XunitException("no migration request in 60 ticks");
    }

    private void PhaseC(Akka.Actor.IActorRef cgroup, TickContext ctx, ImmutableArray<MigrationResult> results)
    {
        cgroup.Tell(new ApplyMigrationResults(ctx.TickIndex, ctx, results, []), TestActor);
        ExpectMsg<MigrationResultsApplied>();
    }
}
