using Akka.Actor;
using NumaActors.Actors.Actors;
using NumaActors.Kernel.Phases;
using Akka.TestKit.Xunit2;
using NumaActors.Actors.Engine;
using NumaActors.Actors.Tests.Support;
using static NumaActors.Actors.Messages.CountersProtocol;
using static NumaActors.Actors.Messages.TaskMoveProtocol;

namespace NumaActors.Actors.Tests;

/// <summary>What the actors show of balancing at work: a task's placement as it learns it, and a policy attached mid-run.</summary>
public sealed class TaskMoveAndPolicyEffectTests : TestKit
{
    [Fact]
    public void A_task_follows_its_moves_and_swaps_and_its_preferred_node()
    {
        var task = Sys.ActorOf(TaskActor.Props(taskId: 7, node: 0, preferred: -1));
        task.Tell(new PreferredNodeChanged(3, 1));
        task.Tell(new TaskMoved(4, new TaskMoveResult(7, 1000, OldNode: 0, NewNode: 1, Moved: true, Swapped: false, NewPreferredNode: -1)));
        task.Tell(new TaskMoved(9, new TaskMoveResult(7, 1000, OldNode: 1, NewNode: 0, Moved: true, Swapped: true, NewPreferredNode: 0)));
        task.Tell(new TaskMoved(12, new TaskMoveResult(7, 1000, OldNode: 0, NewNode: 0, Moved: false, Swapped: false, NewPreferredNode: -1)));
        task.Tell(GetTaskState.Instance, TestActor);

        var state = ExpectMsg<TaskStateReply>();
        Assert.Equal((0, 0, 1, 1), (state.Node, state.PreferredNode, state.Moves, state.Swaps));
    }

    [Fact]
    public async Task A_task_whose_memory_cannot_follow_moves_to_its_preferred_node()
    {
        // 'far' starts on node 0 (node 1 holds the pinned filler's task), its memory on node 1;
        // node 0 is full of the filler's memory, so its pages cannot come (pgmigrate_fail), placement
        // makes node 1 preferred, and the server's phase D moves the task there (TaskMoved).
        var report = await ActorEngine.RunAsync(Sys, TestScenarios.Crowded(), TestScenarios.Programs);

        var far = report.Arms[0].Workloads.Single(w => w.Name == "far");
        Assert.True(far.Vmstat.PgmigrateFail > 0, "node 0 was not full");
        Assert.Equal(1, far.Vmstat.NumaTaskMigrated + far.Vmstat.NumaTaskSwapped);
        Assert.True(far.LocalAccessRatio.End > far.LocalAccessRatio.Start,
            $"locality of 'far' {far.LocalAccessRatio.Start} at start, {far.LocalAccessRatio.End} at the end");
    }

    [Fact]
    public async Task Locality_rises_only_after_a_policy_is_attached_mid_run()
    {
        var scenario = TestScenarios.MidRunAttach();
        var report = await ActorEngine.RunAsync(Sys, scenario, TestScenarios.Programs);

        var rows = report.Arms[0].Timeseries.Where(r => r.Workload == "app").OrderBy(r => r.TSeconds).ToList();
        var before = rows.Where(r => r.TSeconds is > 0 and <= 15).ToList();
        var atAttach = before[^1].LocalAccessRatio;
        // Global balancing is off and memory starts on node 1 while tasks run on node 0: nothing moves
        // until the attach at 15 s, so locality stays where it started.
        Assert.All(before, r => Assert.Equal(before[0].LocalAccessRatio, r.LocalAccessRatio, 3));
        Assert.All(before, r => Assert.Equal(0, r.Vmstat.NumaPagesMigrated));
        Assert.True(rows[^1].LocalAccessRatio > atAttach + 0.1, $"locality {atAttach} at attach, {rows[^1].LocalAccessRatio} at the end");
        Assert.True(rows[^1].Vmstat.NumaPagesMigrated > 0);
    }
}
