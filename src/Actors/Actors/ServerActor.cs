using System.Collections.Immutable;
using Akka.Actor;
using NumaActors.Actors.Tick;
using NumaActors.Kernel.Fleet;
using NumaActors.Kernel.Hooks;
using NumaActors.Kernel.Model;
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
/// <c>ServerModel.Step</c>'s. Hook commands wait until the epoch ends.
/// </summary>
public sealed class ServerActor : ReceiveActor, IWithStash
{
    private readonly int slot;
    private readonly ServerSimulation sim;
    private readonly RowSchedule schedule;
    private readonly string? dispatcher;
    private readonly NumabGates gates;
    private readonly IActorRef[] nodes;
    private readonly SortedDictionary<int, (ProcessModel Process, IActorRef Actor)> cgroups = [];
    private readonly Dictionary<ulong, IActorRef> innerCgroups = [];
    private readonly List<ServerSample> samples = [];
    private readonly List<(int, EventOutcome)> events = [];
    private readonly List<ProgramEvent> programEvents = [];
    private Dictionary<int, ImmutableArray<TaskMoveResult>> moves = [];
    private int serial, hookGeneration;
    private long ticksDone, epochEnd;
    private IActorRef coordinator = ActorRefs.Nobody;

    private TickRound? round;

    public ServerActor(int slot, Scenario scenario, Arm arm, ServerPlan plan, IHookProgramSource programs, RowSchedule schedule, string? dispatcher)
    {
        this.slot = slot;
        this.schedule = schedule;
        this.dispatcher = dispatcher;
        sim = new ServerSimulation(scenario, arm, plan, programs);
        gates = sim.Model.Gates as NumabGates ?? throw new InvalidOperationException("a server's gates are its hook registry's NumabGates");
        nodes = [.. sim.Model.Nodes.Select(n => Context.ActorOf(NodeActor.Props(n, dispatcher), $"node-{n.Id}"))];
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
            if (m.Result.Result.IsOk) RefreshHooks();
            m.ReplyTo.Tell(m.Result);
            Become(Idle);
            Stash.UnstashAll();
        });
        ReceiveAny(_ => Stash.Stash());
    }

    private ServerActors Actors() =>
        new([.. nodes], cgroups.ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value.Actor));

    private void Command(HookCommand c)
    {
        if (!gates.Registry.Tree.TryGetId(c.CgroupPath, out var id))
        {
            Sender.Tell(new HookCommandResult(c.CgroupPath, c.Operation, HookResult.Fail(Errno.ENOENT, $"no cgroup {c.CgroupPath}")));
            return;
        }
        var target = cgroups.Values.FirstOrDefault(v => v.Process.CgroupId == id).Actor;
        if (target is null && !innerCgroups.TryGetValue(id, out target))
            innerCgroups[id] = target = Context.ActorOf(CgroupActor.Props(null, id, gates, dispatcher), $"cgroup-inner-{id}");
        target.Tell(new ApplyHookCommand(c, Sender));
        Become(AwaitingHook);
    }

    private void RefreshHooks()
    {
        hookGeneration++;
        foreach (var (_, actor) in cgroups.Values) actor.Tell(new RefreshHook(hookGeneration));
        foreach (var actor in innerCgroups.Values) actor.Tell(new RefreshHook(hookGeneration));
    }

    /// <summary>After timeline events: one cgroup actor per live process (a scaled-away process's actors stop).</summary>
    private void SyncCgroups()
    {
        var live = sim.Model.Processes.ToDictionary(p => p.Pid);
        foreach (var (pid, (process, actor)) in cgroups.ToList())
        {
            if (live.TryGetValue(pid, out var now) && ReferenceEquals(now, process)) continue;
            Context.Stop(actor);
            cgroups.Remove(pid);
            moves.Remove(pid);
        }
        foreach (var p in sim.Model.Processes)
            if (!cgroups.ContainsKey(p.Pid))
                cgroups[p.Pid] = (p, Context.ActorOf(CgroupActor.Props(p, p.CgroupId, gates, dispatcher), $"cgroup-{p.Pid}-{serial++}"));
    }

    private void NextTickOrEndEpoch()
    {
        if (ticksDone >= epochEnd)
        {
            coordinator.Tell(new EpochDone(slot, sim.ServerId, ticksDone, [.. samples], [.. events], [.. programEvents]));
            samples.Clear();
            events.Clear();
            programEvents.Clear();
            Become(Idle);
            Stash.UnstashAll();
            return;
        }
        var taken = sim.TakeProgramEvents();
        programEvents.AddRange(taken);
        var due = sim.ApplyDueEvents();
        events.AddRange(due);
        if (due.Count > 0) SyncCgroups();
        if (due.Count > 0 || ServerSimulation.DetachedAny(taken)) RefreshHooks();
        var r = round = new TickRound(sim.Model, sim.Model.BeginTick(), [.. cgroups.Keys]);
        foreach (var pid in r.Pids)
            cgroups[pid].Actor.Tell(new RunScanAndFaults(r.Tick, r.Context, moves.GetValueOrDefault(pid, []), hookGeneration));
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
            cgroups[pid].Actor.Tell(new ApplyMigrationResults(r.Tick, r.Context, results, demotions));
        if (r.PhaseComplete) EndTick();
    }

    /// <summary>Phase D and the model's end of tick (task moves and swaps), then the rows due after it.</summary>
    private void EndTick()
    {
        moves = round!.Finish();
        ticksDone++;
        foreach (var row in schedule.RowsAfter(ticksDone)) samples.Add(sim.Sample(row));
        NextTickOrEndEpoch();
    }
}
