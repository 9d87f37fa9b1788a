using System.Collections.Immutable;
using NumaActors.Actors.Tests.Support;
using NumaActors.Actors.Tick;
using NumaActors.Kernel.Fleet;
using NumaActors.Kernel.Phases;
using NumaActors.Kernel.Scenarios;

namespace NumaActors.Actors.Tests;

/// <summary>
/// The server actor's tick barrier without actors: answers that arrive in any order are filed in
/// pid and node order, so a tick driven through <see cref="TickRound"/> ends as
/// <c>ServerModel.Step</c> does, while idle nodes and processes that asked the nodes nothing are
/// spared a message.
/// </summary>
public sealed class TickRoundTests
{
    private static readonly Scenario Mixed = TestScenarios.Mixed();

    [Fact]
    public void Answers_in_reverse_arrival_order_end_every_tick_as_Step_does_and_idle_work_is_not_asked_for()
    {
        var arm = Mixed.Arms.Single(a => a.Name == "global");
        var reference = new ServerSimulation(Mixed, arm, FleetLayout.Plan(Mixed)[0], TestScenarios.Programs).Model;
        var model = new ServerSimulation(Mixed, arm, FleetLayout.Plan(Mixed)[0], TestScenarios.Programs).Model;
        Assert.True(model.Processes.Count > 1, "the test needs several processes to reorder");
        var moves = new Dictionary<int, ImmutableArray<TaskMoveResult>>();
        int idleNodes = 0, askedNodes = 0, earlyPhaseC = 0, askedPhaseC = 0;

        for (var tick = 0; tick < 60; tick++)
        {
            reference.Step();

            var processes = model.Processes.ToDictionary(p => p.Pid);
            var round = new TickRound(model, model.BeginTick(), [.. processes.Keys.Order()]);
            var ctx = round.Context;
            var pids = round.Pids.ToArray();
            for (var i = pids.Length - 1; i >= 0; i--)
            {
                var p = processes[pids[i]];
                var requests = p.RunPhaseA(ctx, moves.GetValueOrDefault(p.Pid, []));
                var phaseC = p.PhaseCWaitsForNodes(ctx) ? null : p.RunPhaseC(ctx, [], []);
                Assert.Equal(i == 0, round.ScanAndFaultsDone(p.Pid, requests, phaseC));
            }

            var nodeAsks = round.StartPhaseB();
            idleNodes += model.Nodes.Count - nodeAsks.Count;
            askedNodes += nodeAsks.Count;
            for (var k = nodeAsks.Count - 1; k >= 0; k--)
            {
                var (node, transfers, requests) = nodeAsks[k];
                Assert.Equal(k == 0, round.MigrationsResolved(node, model.Nodes[node].RunPhaseB(ctx, transfers, requests)));
            }

            var processAsks = round.StartPhaseC();
            earlyPhaseC += pids.Length - processAsks.Count;
            askedPhaseC += processAsks.Count;
            for (var k = processAsks.Count - 1; k >= 0; k--)
            {
                var (pid, results, demotions) = processAsks[k];
                Assert.Equal(k == 0, round.MigrationResultsApplied(pid, processes[pid].RunPhaseC(ctx, results, demotions)));
            }
            moves = round.Finish();

            Assert.Equal(reference.Processes.Select(p => p.VmStat), model.Processes.Select(p => p.VmStat));
            Assert.Equal(reference.Nodes.Select(n => n.View), model.Nodes.Select(n => n.View));
        }
        Assert.True(idleNodes > 0 && askedNodes > 0, $"both node paths must be taken (idle {idleNodes}, asked {askedNodes})");
        Assert.True(earlyPhaseC > 0 && askedPhaseC > 0, $"both phase C paths must be taken (early {earlyPhaseC}, asked {askedPhaseC})");
    }

    [Fact]
    public void A_pid_the_tick_does_not_know_is_an_error_not_a_silent_miscount()
    {
        var model = new ServerSimulation(Mixed, Mixed.Arms[0], FleetLayout.Plan(Mixed)[0], TestScenarios.Programs).Model;
        var pids = model.Processes.Select(p => p.Pid).Order().ToArray();
        var round = new TickRound(model, model.BeginTick(), pids);

        var error = Assert.Throws<InvalidOperationException>(() => round.ScanAndFaultsDone(pids.Max() + 1, [], null));
        Assert.Contains($"pid {pids.Max() + 1}", error.Message, StringComparison.Ordinal);
        Assert.False(round.PhaseComplete);
    }
}
