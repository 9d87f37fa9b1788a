using System.Collections.Immutable;
using System.Diagnostics;
using Akka.Actor;
using NumaActors.Actors.Engine;
using NumaActors.Kernel.Fleet;
using NumaActors.Kernel.Reporting;
using NumaActors.Kernel.Scenarios;
using static NumaActors.Actors.Messages.FleetProtocol;
using static NumaActors.Actors.Messages.TickProtocol;

namespace NumaActors.Actors.Actors;

/// <summary>
/// Runs a scenario's fleet in this process: one <see cref="ServerActor"/> per (arm, server), at most
/// <see cref="ActorEngineOptions.ServersInFlight"/> at a time, each advanced one epoch at a time.
/// Samples and timeline outcomes merge into each arm's <see cref="ArmAccumulator"/> as they arrive
/// (integer sums, order-free), so the report is the sequential engine's.
/// </summary>
public sealed class FleetCoordinator : ReceiveActor
{
    private readonly Scenario scenario;
    private readonly IHookProgramSource programs;
    private readonly RunSelection selection;
    private readonly ActorEngineOptions options;
    private readonly ImmutableArray<ServerPlan> plan;
    private readonly List<Arm> arms;
    private readonly RowSchedule schedule;
    private readonly ArmAccumulator[] accumulators;
    private readonly int[] serversDone;
    private readonly long epochTicks;
    private readonly long[] ticksBySlot;
    private readonly Stopwatch clock = new();
    private long ticksDone;
    private int next, finished;
    private IActorRef replyTo = ActorRefs.Nobody;

    public FleetCoordinator(Scenario scenario, IHookProgramSource programs, RunSelection selection, ActorEngineOptions options)
    {
        this.scenario = scenario;
        this.programs = programs;
        this.selection = selection;
        this.options = options;
        plan = FleetLayout.Plan(scenario);
        arms = [.. scenario.Arms.Where(a => selection.Arm is null || a.Name == selection.Arm)];
        var tickMs = (long)scenario.Tick.TotalMilliseconds;
        schedule = new RowSchedule(scenario.TickCount, tickMs, (long)scenario.Outputs.TimeseriesInterval.TotalMilliseconds);
        accumulators = [.. arms.Select(a => new ArmAccumulator(scenario, a.Name, schedule, plan.Length))];
        serversDone = new int[arms.Count];
        ticksBySlot = new long[Items];
        epochTicks = Math.Max(1, (long)(options.Epoch.TotalMilliseconds / tickMs));
        Receive<StartFleet>(_ => Start());
        Receive<EpochDone>(Merge);
    }

    public static Props Props(Scenario scenario, IHookProgramSource programs, RunSelection selection, ActorEngineOptions options) =>
        Akka.Actor.Props.Create(() => new FleetCoordinator(scenario, programs, selection, options));

    private int Items => arms.Count * plan.Length;

    private double ServerSeconds => scenario.Duration.TotalSeconds;

    // A server that fails is stopped and the run fails with the reason; nothing is retried.
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(e =>
    {
        replyTo.Tell(new FleetFailed(e.Message));
        return Directive.Stop;
    });

    private void Start()
    {
        replyTo = Sender;
        clock.Start();
        if (Items == 0) Complete();
        while (next < Items && next < options.ServersInFlight) Launch();
    }

    private void Launch()
    {
        var slot = next++;
        var server = plan[slot % plan.Length];
        var arm = arms[slot / plan.Length];
        var actor = Context.ActorOf(ServerActor.Props(slot, scenario, arm, server, programs, schedule, options.Dispatcher), $"server-{slot}");
        actor.Tell(new RunEpoch(Math.Min(epochTicks, scenario.TickCount)));
    }

    private void Merge(EpochDone m)
    {
        var a = m.Slot / plan.Length;
        foreach (var sample in m.Samples) accumulators[a].Add(sample);
        foreach (var (e, outcome) in m.Events) accumulators[a].Events.Merge(m.ServerId, e, outcome);
        foreach (var p in m.ProgramEvents) accumulators[a].Events.MergeProgramEvent(m.ServerId, p);
        ticksDone += m.TicksDone - ticksBySlot[m.Slot];
        ticksBySlot[m.Slot] = m.TicksDone;
        if (m.TicksDone < scenario.TickCount)
        {
            Sender.Tell(new RunEpoch(Math.Min(m.TicksDone + epochTicks, scenario.TickCount)));
        }
        else
        {
            Context.Stop(Sender);
            serversDone[a]++;
            finished++;
            if (serversDone[a] == plan.Length) selection.ArmCompleted?.Invoke(accumulators[a].Build());
            if (next < Items) Launch();
        }
        Report(a);
        if (finished == Items) Complete();
    }

    private void Report(int a) => selection.Progress?.Report(new RunProgress(arms[a].Name, a, arms.Count, serversDone[a], plan.Length,
        ticksDone * scenario.Tick.TotalSeconds, ServerSeconds * Items));

    private void Complete()
    {
        var wall = clock.Elapsed.TotalSeconds;
        var total = ServerSeconds * Items;
        var report = new SimulationReport(scenario.Name, scenario.Seed, ServerSeconds,
            new EngineInfo(ActorEngine.Kind, 1, wall, wall > 0 ? total / wall : 0), [.. accumulators.Select(acc => acc.Build())]);
        replyTo.Tell(new FleetCompleted(report));
    }
}
