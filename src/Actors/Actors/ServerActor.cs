using System.Collections.Immutable;
using Akka.Actor;
using NumaActors.Actors.Tick;
using NumaActors.Kernel.Fleet;
using NumaActors.Kernel.Hooks;
using NumaActors.Kernel.Phases;
using NumaActors.Kernel.Scenarios;
using static NumaActors.Actors.Messages.CountersProtocol;
using static NumaActors.Actors.Messages.MigrationProtocol;
using static NumaActors.Actors.Messages.PolicyProtocol;
using static NumaActors.Actors.Messages.ScanFaultProtocol;
using static NumaActors.Actors.Messages.TickProtocol;

namespace NumaActors.Actors.Actors;

/// <summary>
/// One simulated server under one arm: parent of one <see cref="NodeActor"/> per NUMA node and one
/// <see cref="CgroupActor"/> per workload instance (each with its <see cref="TaskActor"/>s). It owns
/// the <see cref="ServerSimulation"/> (timeline, cgroup tree, hook registry) and runs each tick of an
/// epoch as barriers: due timeline events, then phase A at every cgroup, B at every node, C at every
/// cgroup, D here (<c>ServerModel</c>'s phase contract). A <see cref="TickRound"/> keeps each
/// barrier and files answers in pid or node-id order, never arrival order, so the result is
/// <c>ServerModel.Step</c>'s. Hook commands wait until the epoch ends. Its cgroup actors are kept
/// by <see cref="ServerCgroups"/>, the epoch's report by <see cref="EpochRecord"/>.
/// </summary>
public sealed class ServerActor : ReceiveActor, IWithStash
{
    private readonly int slot;
    private readonly ServerSimulation sim;
    private readonly NumabGates gates;
    private readonly IActorRef[] nodes;
    private readonly ServerCgroups cgroups;
    private readonly EpochRecord epoch;
    private Dictionary<int, ImmutableArray<TaskMoveResult>> moves = [];
    private long ticksDone, epochEnd;
    private IActorRef coordinator = ActorRefs.Nobody;
    private TickRound? round;

    public ServerActor(int slot, Scenario scenario, Arm arm, ServerPlan plan, IHookProgramSource programs, RowSchedule schedule, string? dispatcher)
    {
        this.slot = slot;
        sim = new ServerSimulation(scenario, arm, plan, programs);
        gates = sim.Model.Gates as NumabGates ?? throw new InvalidOperationException("a server's gates are its hook registry's NumabGates");
        nodes = [.. sim.Model.Nodes.Select(n => Context.ActorOf(NodeActor.Props(n, dispatcher), $"node-{n.Id}"))];
        cgroups = new ServerCgroups(gates, dispatcher);
        epoch = new EpochRecord(sim, schedule);
        SyncCgroups();
        Idle();
    }

    public IStash Stash { get; set; } = null!;

    public static Props Props(int slot, Scenario scenario, Arm arm, ServerPlan plan, IHookProgramSource programs, RowSchedule schedule, string? dispatcher) =>
        Akka.Actor.Props.Create(() => new ServerActor(slot, scenario, arm, plan, programs, schedule, dispatcher)).On(dispatcher);

    // A failure anywhere in the subtree fails the server; the coordinator decides.
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Escalate);

    private void Idle()
    {
        Receive<RunEpoch>(m =>
        {
            coordinator = Sender;
            epochEnd = m.UntilTick;
            Become(Ticking);
            NextTickOrEndEpoch();
        });
        Receive<HookCommand>(Command);
        Receive<GetServerActors>(_ => Sender.Tell(Actors()));
    }

    private void Ticking()
    {
        Receive<FaultsTaken>(m => m.Tick == round!.Tick, m => { if (round!.ScanAndFaultsDone(m.Pid, m.RequestsByNode, m.PhaseC)) StartPhaseB(); });
        Receive<MigrationsResolved>(m => m.Tick == round!.Tick, m => { if (round!.MigrationsResolved(m.NodeId, m.Output)) StartPhaseC(); });
        Receive<MigrationResultsApplied>(m => m.Tick == round!.Tick, m => { if (round!.MigrationResultsApplied(m.Pid, m.Output)) EndTick(); });
        Receive<GetServerActors>(_ => Sender.Tell(Actors()));
        ReceiveAny(_ => Stash.Stash());
    }

    private void AwaitingHook()
    {
        Receive<HookCommandApplied>(m =>
        {
            if (m.Result.Result.IsOk) cgroups.RefreshHooks();
            m.ReplyTo.Tell(m.Result);
            Become(Idle);
            Stash.UnstashAll();
        });
        ReceiveAny(_ => Stash.Stash());
    }

    private ServerActors Actors() => new([.. nodes], cgroups.ByPid());

    private void Command(HookCommand c)
    {
        if (!gates.Registry.Tree.TryGetId(c.CgroupPath, out var id))
        {
            Sender.Tell(new HookCommandResult(c.CgroupPath, c.Operation, HookResult.Fail(Errno.ENOENT, $"no cgroup {c.CgroupPath}")));
            return;
        }
        cgroups.For(Context, id).Tell(new ApplyHookCommand(c, Sender));
        Become(AwaitingHook);
    }

    /// <summary>After timeline events: one cgroup actor per live process; a stopped one's task moves are dropped.</summary>
    private void SyncCgroups()
    {
        foreach (var pid in cgroups.Sync(Context, sim.Model.Processes)) moves.Remove(pid);
    }

    private void NextTickOrEndEpoch()
    {
        if (ticksDone >= epochEnd)
        {
            coordinator.Tell(epoch.Take(slot, ticksDone));
            Become(Idle);
            Stash.UnstashAll();
            return;
        }
        var start = epoch.BeforeTick();
        if (start.ProcessesMayHaveChanged) SyncCgroups();
        if (start.HooksMayHaveChanged) cgroups.RefreshHooks();
        var r = round = new TickRound(sim.Model, sim.Model.BeginTick(), [.. cgroups.Pids]);
        foreach (var pid in r.Pids)
            cgroups[pid].Tell(new RunScanAndFaults(r.Tick, r.Context, moves.GetValueOrDefault(pid, []), cgroups.HookGeneration));
        if (r.PhaseComplete) StartPhaseB();
    }

    private void StartPhaseB()
    {
        var r = round!;
        foreach (var (node, transfers, requests) in r.StartPhaseB())
            nodes[node].Tell(new ResolveMigrations(r.Tick, r.Context, transfers, requests));
        if (r.PhaseComplete) StartPhaseC();
    }

    private void StartPhaseC()
    {
        var r = round!;
        foreach (var (pid, results, demotions) in r.StartPhaseC())
            cgroups[pid].Tell(new ApplyMigrationResults(r.Tick, r.Context, results, demotions));
        if (r.PhaseComplete) EndTick();
    }

    /// <summary>Phase D and the model's end of tick (task moves and swaps), then the rows due after it.</summary>
    private void EndTick()
    {
        moves = round!.Finish();
        ticksDone++;
        epoch.AfterTick(ticksDone);
        NextTickOrEndEpoch();
    }
}
