using Akka.Actor;
using Akka.TestKit.Xunit2;
using NumaActors.Actors.Engine;
using NumaActors.Actors.Tests.Support;
using static NumaActors.Actors.Messages.CountersProtocol;
using static NumaActors.Actors.Messages.TickProtocol;

namespace NumaActors.Actors.Tests;

/// <summary>What the actors show of balancing at work: tasks moving toward their preferred node, and a policy attached mid-run.</summary>
public sealed class TaskMoveAndPolicyEffectTests : TestKit
{
    [Fact]
    public async Task Tasks_whose_memory_is_remote_move_or_swap_to_their_preferred_node()
    {
        var scenario = TestScenarios.Moves();
        var server = Sys.ActorOf(ServerFixture.ServerProps(scenario));
        server.Tell(new RunEpoch(scenario.TickCount), TestActor);
        ExpectMsg<EpochDone>(TimeSpan.FromSeconds(60));

        var actors = await server.Ask<ServerActors>(GetServerActors.Instance);
        var states = new List<TaskStateReply>();
        foreach (var cgroup in actors.CgroupsByPid.Values)
            foreach (var task in (await cgroup.Ask<Tasks>(GetTasks.Instance)).ByTaskIndex)
                states.Add(await task.Ask<TaskStateReply>(GetTaskState.Instance));

        // "far" (pid 1000) has all its memory on node 1: its tasks come to prefer node 1.
        var moved = states.Where(s => s.Moves + s.Swaps > 0).ToList();
        Assert.NotEmpty(moved);
        Assert.All(moved, s => Assert.Equal(s.PreferredNode, s.Node));
    }

    [Fact]
    public async Task Locality_rises_only_after_a_policy_is_attached_mid_run()
    {
        var scenario = TestScenarios.MidRunAttach();
        var report = await ActorEngine.RunAsync(Sys, scenario, TestScenarios.Programs);

        var rows = report.Arms[0].Timeseries.Where(r => r.Workload == "app").OrderBy(r => r.TSeconds).ToList();
        var before = rows.Where(r => r.TSeconds is > 0 and <= 20).ToList();
        var atAttach = before[^1].LocalAccessRatio;
        // Global balancing is off and memory starts on node 1 while tasks run on node 0: nothing moves
        // until the attach at 20 s, so locality stays where it started.
        Assert.All(before, r => Assert.Equal(before[0].LocalAccessRatio, r.LocalAccessRatio, 3));
        Assert.All(before, r => Assert.Equal(0, r.Vmstat.NumaPagesMigrated));
        Assert.True(rows[^1].LocalAccessRatio > atAttach + 0.1, $"locality {atAttach} at attach, {rows[^1].LocalAccessRatio} at the end");
        Assert.True(rows[^1].Vmstat.NumaPagesMigrated > 0);
    }
}
