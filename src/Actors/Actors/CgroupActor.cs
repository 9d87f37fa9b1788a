using System.Collections.Immutable;
using Akka.Actor;
using NumaActors.Actors.Hooks;
using NumaActors.Kernel.Hooks;
using NumaActors.Kernel.Model;
using NumaActors.Kernel.Phases;
using static NumaActors.Actors.Messages.CountersProtocol;
using static NumaActors.Actors.Messages.MigrationProtocol;
using static NumaActors.Actors.Messages.PolicyProtocol;
using static NumaActors.Actors.Messages.ScanFaultProtocol;
using static NumaActors.Actors.Messages.TaskMoveProtocol;

namespace NumaActors.Actors.Actors;

/// <summary>
/// One cgroup of a server. A leaf cgroup of a workload instance owns its process (the mm:
/// <see cref="ProcessModel"/>) and runs the process's phases A and C; an inner cgroup (created for a
/// hierarchical attach) has no process. Either way it is where hook lifecycle commands land: it
/// calls the server's <see cref="HookRegistry"/>, whose rules (EBUSY, leaf only, atomic update) are
/// the kernel layer's, and publishes the resolved program to its tasks as an immutable snapshot.
/// </summary>
public sealed class CgroupActor : ReceiveActor, IWithStash
{
    private readonly ProcessModel? process;
    private readonly ulong cgroupId;
    private readonly NumabGates gates;
    private readonly IActorRef[] tasks;
    private readonly int[] toldPreferred;
    private readonly Dictionary<int, (HookTaskContext, bool)[]> decisions = [];
    private HookSnapshot snapshot = HookSnapshot.None;
    private int generation = -1;
    private RunScanAndFaults? running;
    private int awaiting;
    private long used, missed, ticks;

    public CgroupActor(ProcessModel? process, ulong cgroupId, NumabGates gates, string? dispatcher)
    {
        this.process = process;
        this.cgroupId = cgroupId;
        this.gates = gates;
        var taskStates = process?.Tasks ?? [];
        tasks = [.. taskStates.Select(t => Context.ActorOf(TaskActor.Props(t.Id, t.Node, t.PreferredNid).On(dispatcher), $"task-{t.Id}"))];
        toldPreferred = [.. taskStates.Select(t => t.PreferredNid)];
        Ready();
    }

    public IStash Stash { get; set; } = null!;

    public static Props Props(ProcessModel? process, ulong cgroupId, NumabGates gates, string? dispatcher) =>
        Akka.Actor.Props.Create(() => new CgroupActor(process, cgroupId, gates, dispatcher)).On(dispatcher);

    private void Ready()
    {
        Receive<RunScanAndFaults>(StartPhaseA);
        Receive<ApplyMigrationResults>(PhaseC);
        Receive<RefreshHook>(m => Refresh(m.Generation));
        Receive<ApplyHookCommand>(Apply);
        Receive<GetHookSnapshot>(_ => Sender.Tell(snapshot));
        Receive<GetCgroupCounters>(_ => Sender.Tell(new CgroupCounters(process?.Pid ?? 0, cgroupId, used, missed, ticks)));
        Receive<GetTasks>(_ => Sender.Tell(new Tasks([.. tasks])));
    }

    private void AwaitingDecisions()
    {
        Receive<HookDecided>(Decided);
        ReceiveAny(_ => Stash.Stash());
    }

    private void Refresh(int newGeneration)
    {
        generation = newGeneration;
        var next = HookSnapshot.Of(gates, cgroupId);
        if (next == snapshot) return;
        snapshot = next;
        foreach (var t in tasks) t.Tell(new PublishHook(snapshot));
    }

    private void Apply(ApplyHookCommand m)
    {
        var c = m.Command;
        var result = c.Operation switch
        {
            HookOperation.Attach => gates.Registry.Attach(cgroupId, c.Program, c.Hierarchical ? HookAttachOptions.HierarchicalLink : HookAttachOptions.Default),
            HookOperation.Update => gates.Registry.Update(cgroupId, c.Program),
            _ => gates.Registry.Detach(cgroupId),
        };
        Sender.Tell(new HookCommandApplied(new HookCommandResult(c.CgroupPath, c.Operation, result), m.ReplyTo));
    }

    private void StartPhaseA(RunScanAndFaults m)
    {
        if (m.HookGeneration != generation) Refresh(m.HookGeneration);
        var proc = process!;
        foreach (var move in m.Moves) tasks[move.TaskId - proc.Tasks[0].Id].Tell(new TaskMoved(m.Tick, move));
        running = m;
        decisions.Clear();
        awaiting = 0;
        // A program whose numab_hook keeps state (a BPF program's maps) must see its calls one at a
        // time in the kernel model's order, as the sequential engine makes them: the process asks it
        // itself, here, instead of its tasks deciding in parallel ahead of time.
        if (snapshot.NeedsHookCall && !snapshot.Program!.HookKeepsState)
        {
            for (var i = 0; i < tasks.Length; i++)
            {
                var contexts = proc.PhaseAHookContexts(proc.Tasks[i], m.Moves, m.Context);
                if (contexts.IsEmpty) continue;
                tasks[i].Tell(new DecideHook(m.Tick, contexts));
                awaiting++;
            }
        }
        if (awaiting == 0) FinishPhaseA(m.Context);
        else Become(AwaitingDecisions);
    }

    private void Decided(HookDecided m)
    {
        var pairs = new (HookTaskContext, bool)[m.Contexts.Length];
        for (var i = 0; i < pairs.Length; i++) pairs[i] = (m.Contexts[i], m.Enabled[i]);
        decisions[m.TaskId] = pairs;
        if (--awaiting > 0) return;
        var ctx = running!.Context;
        var taskGates = new TaskDecisionGates(ctx.Gates, decisions);
        FinishPhaseA(ctx with { Gates = taskGates });
        used += taskGates.Used;
        missed += taskGates.Missed;
        Become(Ready);
        Stash.UnstashAll();
    }

    private void FinishPhaseA(TickContext ctx)
    {
        var m = running!;
        running = null;
        ticks++;
        var requests = process!.RunPhaseA(ctx, m.Moves);
        // Nothing asked of the nodes: phase C can run now, saving the tick a round trip.
        var phaseC = process.PhaseCWaitsForNodes(m.Context) ? null : RunPhaseC(m.Context, [], []);
        Context.Parent.Tell(new FaultsTaken(m.Tick, process.Pid, requests, phaseC));
    }

    private void PhaseC(ApplyMigrationResults m) =>
        Context.Parent.Tell(new MigrationResultsApplied(m.Tick, process!.Pid, RunPhaseC(m.Context, m.Results, m.Demotions)));

    private ProcessPhaseCOutput RunPhaseC(TickContext ctx, ImmutableArray<MigrationResult> results, ImmutableArray<DemotionDemand> demotions)
    {
        var proc = process!;
        var output = proc.RunPhaseC(ctx, results, demotions);
        for (var i = 0; i < tasks.Length; i++)
        {
            var preferred = proc.Tasks[i].PreferredNid;
            if (preferred == toldPreferred[i]) continue;
            toldPreferred[i] = preferred;
            tasks[i].Tell(new PreferredNodeChanged(ctx.TickIndex, preferred));
        }
        return output;
    }
}
