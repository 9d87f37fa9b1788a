using Akka.Actor;
using Akka.TestKit.Xunit2;
using NumaActors.Actors.Hooks;
using NumaActors.Actors.Tests.Support;
using NumaActors.Kernel.Hooks;
using NumaActors.Kernel.Scenarios;
using static NumaActors.Actors.Messages.CountersProtocol;
using static NumaActors.Actors.Messages.PolicyProtocol;
using static NumaActors.Actors.Messages.TickProtocol;

namespace NumaActors.Actors.Tests;

/// <summary>
/// The proposal's lifecycle through a server's cgroup actors: attach, EBUSY on a second attach with
/// nothing changed, atomic update seen by the tasks from the next tick, detach; leaf-only unless
/// hierarchical. Tasks decide <c>task_numab_enabled</c> from the snapshot their cgroup publishes.
/// </summary>
public sealed class HookLifecycleTests : TestKit
{
    private const string Leaf = "/kubepods/batch/cache-0";
    private const string Parent = "/kubepods/batch";

    // Global numa_balancing off, so only a program can turn balancing on; nearest holder resolution.
    private static readonly Scenario Scenario = TestScenarios.Load(new ScenarioBuilder("lifecycle", TimeSpan.FromSeconds(3), seed: 1)
        .HookResolution(HookResolution.Nearest)
        .Class("small", 1, "test-2node")
        .Workload(TestScenarios.Spread("cache", "small", 2, 2, 64L << 20) with { CgroupTemplate = "/kubepods/batch/cache" }));

    private readonly IActorRef server;

    public HookLifecycleTests() => server = Sys.ActorOf(ServerFixture.ServerProps(Scenario));

    [Fact]
    public async Task Leaf_attach_then_second_attach_is_EBUSY_and_changes_nothing()
    {
        var first = new FixedProgram("first", enabled: true);
        Assert.True(Command(Leaf, HookOperation.Attach, first).IsOk);

        var busy = Command(Leaf, HookOperation.Attach, new FixedProgram("second", enabled: false));

        Assert.Equal(Errno.EBUSY, busy.Errno);
        Assert.Same(first, (await Snapshot(await Cgroup(1000))).Program);
    }

    [Fact]
    public async Task Update_replaces_the_program_and_tasks_decide_with_it_from_the_next_tick()
    {
        Assert.True(Command(Leaf, HookOperation.Attach, new FixedProgram("off", enabled: false)).IsOk);
        var cgroup = await Cgroup(1000);
        RunEpoch(untilTick: 5);
        var before = await Task0(cgroup);
        Assert.Equal("off", before.Program);
        Assert.True(before.Decisions > 0);
        Assert.Equal(0, before.Enabled);

        Assert.True(Command(Leaf, HookOperation.Update, new FixedProgram("on", enabled: true)).IsOk);
        var between = await Task0(cgroup);
        RunEpoch(untilTick: 10);
        var after = await Task0(cgroup);

        Assert.Equal("on", between.Program);
        Assert.Equal(before.Decisions, between.Decisions);
        Assert.Equal(after.Decisions - before.Decisions, after.Enabled);
        Assert.True(after.Enabled > 0);
        // Every phase-A call was answered by a task's own decision, none by the server's gates.
        var counters = await cgroup.Ask<CgroupCounters>(GetCgroupCounters.Instance);
        var tasks = await cgroup.Ask<Tasks>(GetTasks.Instance);
        long all = 0;
        foreach (var t in tasks.ByTaskIndex) all += (await t.Ask<TaskStateReply>(GetTaskState.Instance)).Decisions;
        Assert.Equal(all, counters.DecisionsUsed);
        Assert.True(all > after.Decisions);
        Assert.Equal(0, counters.DecisionsMissed);
    }

    [Fact]
    public async Task Detach_removes_the_program_and_a_second_detach_is_ENOENT()
    {
        Assert.True(Command(Leaf, HookOperation.Attach, new FixedProgram("on", enabled: true)).IsOk);
        Assert.True(Command(Leaf, HookOperation.Detach).IsOk);

        Assert.Equal(Errno.ENOENT, Command(Leaf, HookOperation.Detach).Errno);
        Assert.Equal(HookSnapshot.None, await Snapshot(await Cgroup(1000)));
        // No program and global mode off: tasks have no decision to make.
        RunEpoch(untilTick: 3);
        Assert.Equal(0, (await Task0(await Cgroup(1000))).Decisions);
    }

    [Fact]
    public async Task Inner_cgroup_needs_hierarchical_and_then_decides_for_every_leaf_below()
    {
        var tree = new FixedProgram("tree", enabled: true);
        Assert.Equal(Errno.EINVAL, Command(Parent, HookOperation.Attach, tree).Errno);
        Assert.True(Command(Parent, HookOperation.Attach, tree, hierarchical: true).IsOk);
        Assert.Equal(Errno.EBUSY, Command(Parent, HookOperation.Attach, new FixedProgram("again", true), hierarchical: true).Errno);

        // Nearest resolution: both leaves (pids 1000 and 1001) resolve to the parent's program.
        Assert.Same(tree, (await Snapshot(await Cgroup(1000))).Program);
        Assert.Same(tree, (await Snapshot(await Cgroup(1001))).Program);
        RunEpoch(untilTick: 4);
        var task = await Task0(await Cgroup(1001));
        Assert.Equal("tree", task.Program);
        Assert.Equal(task.Decisions, task.Enabled);
        Assert.True(task.Decisions > 0);
    }

    [Fact]
    public void Unknown_cgroup_is_ENOENT()
    {
        Assert.Equal(Errno.ENOENT, Command("/kubepods/nothing-here", HookOperation.Attach, new FixedProgram("x", true)).Errno);
    }

    private HookResult Command(string path, HookOperation operation, IHookProgram? program = null, bool hierarchical = false)
    {
        server.Tell(new HookCommand(path, operation, program, hierarchical), TestActor);
        return ExpectMsg<HookCommandResult>().Result;
    }

    private void RunEpoch(long untilTick)
    {
        server.Tell(new RunEpoch(untilTick), TestActor);
        Assert.Equal(untilTick, ExpectMsg<EpochDone>(TimeSpan.FromSeconds(30)).TicksDone);
    }

    private async Task<IActorRef> Cgroup(int pid) => (await server.Ask<ServerActors>(GetServerActors.Instance)).CgroupsByPid[pid];

    private static Task<HookSnapshot> Snapshot(IActorRef cgroup) => cgroup.Ask<HookSnapshot>(GetHookSnapshot.Instance);

    private static async Task<TaskStateReply> Task0(IActorRef cgroup)
    {
        var tasks = await cgroup.Ask<Tasks>(GetTasks.Instance);
        return await tasks.ByTaskIndex[0].Ask<TaskStateReply>(GetTaskState.Instance);
    }
}
