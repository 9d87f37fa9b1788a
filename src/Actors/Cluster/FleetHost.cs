using System.Collections.Immutable;
using System.Diagnostics;
using Akka.Actor;
using Akka.Cluster;
using NumaActors.Actors.Engine;
using NumaActors.Kernel.Fleet;
using NumaActors.Kernel.Reporting;
using static NumaActors.Actors.Messages.ClusterProtocol;

namespace NumaActors.Actors.Cluster;

/// <summary>
/// The coordinator of a cluster run, on the host (<c>/user/fleet-host</c>): it hands the scenario to
/// members that ask, waits for the workers it was told to expect, then drives every server slot
/// one epoch at a time through the shard region, with at most <see cref="ActorEngineOptions.ServersInFlight"/>
/// slots in flight per ready member (flow control: one outstanding request per slot). Replies merge
/// into each arm's <see cref="ArmAccumulator"/> (integer sums, order-free), so the report is the
/// one-process report. Requests still open when a member is removed are sent again; the slots'
/// new entities replay from the scenario, so no epoch is lost or counted twice.
/// It is a plain actor on the host, not a cluster singleton: the run's clock, scenario and report
/// live with the host, a run whose host dies fails anyway (the workers exit 1), and keep-oldest
/// keeps the host up through any worker's death, so a singleton's hand-over would buy nothing.
/// </summary>
public sealed class FleetHost : ReceiveActor, IWithTimers
{
    public const string Name = "fleet-host";
    private const int ChunkChars = 16_000;
    private static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan AckTimeout = TimeSpan.FromSeconds(8);

    private readonly FleetRun run;
    private readonly ImmutableArray<ScenarioChunk> scenario;
    private readonly int minWorkers;
    private readonly IActorRef region;
    private readonly FleetHostOutput output;
    private readonly Akka.Cluster.Cluster cluster;
    private readonly HashSet<string> ready = [];
    private readonly ArmAccumulator[] accumulators;
    private readonly int[] serversDone;
    private readonly long[] merged;
    private readonly (long From, long Until, DateTime SentAt)?[] outstanding;
    private readonly Dictionary<int, EpochReport?[]> parts = [];
    private readonly SortedDictionary<string, SortedSet<int>> slotsByMember = new(StringComparer.Ordinal);
    private readonly HashSet<Address> acksPending = [], departing = [];
    private readonly Stopwatch clock = new();
    private long ticksDone;
    private int next, finished, inFlight;
    private bool started, over;

    public FleetHost(FleetRun run, string fileName, string baseDirectory, string text, int minWorkers, IActorRef region, FleetHostOutput output)
    {
        this.run = run;
        this.minWorkers = minWorkers;
        this.region = region;
        this.output = output;
        cluster = Akka.Cluster.Cluster.Get(Context.System);
        var pieces = Enumerable.Range(0, Math.Max(1, (text.Length + ChunkChars - 1) / ChunkChars))
            .Select(i => text.Substring(i * ChunkChars, Math.Min(ChunkChars, text.Length - i * ChunkChars))).ToList();
        scenario = [.. pieces.Select((p, i) => new ScenarioChunk(i, pieces.Count, fileName, baseDirectory, p))];
        accumulators = [.. run.Arms.Select(a => new ArmAccumulator(run.Scenario, a.Name, run.Schedule, run.Plan.Length))];
        serversDone = new int[run.Arms.Length];
        merged = new long[run.Slots];
        outstanding = new (long, long, DateTime)?[run.Slots];

        Receive<GetScenario>(_ => { foreach (var c in scenario) Sender.Tell(c); });
        Receive<MemberReady>(Ready);
        Receive<EpochReport>(Merge);
        Receive<ServerFailed>(m => Fail($"server {run.ServerOf(m.Slot).ServerId} (arm {run.ArmOf(m.Slot).Name}): {m.Reason}"));
        Receive<ClusterEvent.MemberUp>(m => { if (m.Member.Address != cluster.SelfAddress) output.Log($"member {m.Member.Address} joined"); });
        Receive<ClusterEvent.UnreachableMember>(m => output.Log($"member {m.Member.Address} is unreachable"));
        Receive<ClusterEvent.MemberRemoved>(Removed);
        Receive<ClusterEvent.IMemberEvent>(_ => { });
        Receive<ResendOutstanding>(m => Resend(m.OlderThan));
        Receive<FleetFinishedAck>(_ => Acked(Sender.Path.Address));
        Receive<AcksTimedOut>(_ => Notified());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(FleetRun run, string fileName, string baseDirectory, string text, int minWorkers, IActorRef region, FleetHostOutput output) =>
        Akka.Actor.Props.Create(() => new FleetHost(run, fileName, baseDirectory, text, minWorkers, region, output));

    protected override void PreStart()
    {
        cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents,
            typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.UnreachableMember));
        output.Log(minWorkers > 0 ? $"waiting for {minWorkers} worker(s) to join {cluster.SelfAddress}" : $"listening on {cluster.SelfAddress}");
        if (minWorkers <= 0) StartRun();
    }

    protected override void PostStop() => cluster.Unsubscribe(Self);

    private int Window => run.Options.ServersInFlight * (ready.Count + 1);

    private void Ready(MemberReady m)
    {
        if (m.Error.Length > 0)
        {
            output.Log($"member {m.Member} cannot run the scenario: {m.Error}");
            return;
        }
        if (over)
        {
            // Joined after the end: nothing left to simulate; let it go.
            output.Log($"worker {m.Member} is ready, but the run is over");
            Sender.Tell(new FleetFinished(true, "the run was already complete"));
            return;
        }
        if (!ready.Add(m.Member)) return;
        output.Log($"worker {m.Member} is ready ({ready.Count} worker(s){(started ? ", run in progress: it takes shards from the next epochs" : $" of {minWorkers}")})");
        if (started) Launch();
        else if (ready.Count >= minWorkers) StartRun();
    }

    private void StartRun()
    {
        started = true;
        clock.Start();
        output.Log($"running {run.Scenario.Name}: {run.Slots} server slot(s) over {ready.Count + 1} member(s)");
        Timers.StartPeriodicTimer("stale", new ResendOutstanding(StaleAfter), TimeSpan.FromSeconds(10));
        if (run.Slots == 0) Complete();
        Launch();
    }

    private void Launch()
    {
        while (!over && inFlight < Window && next < run.Slots)
        {
            inFlight++;
            Send(next++, 0);
        }
    }

    private void Send(int slot, long from)
    {
        var until = run.EpochEnd(from);
        outstanding[slot] = (from, until, DateTime.UtcNow);
        parts.Remove(slot);
        region.Tell(new RunServerEpoch(slot, from, until));
    }

    private void Merge(EpochReport m)
    {
        if (over || outstanding[m.Slot] is not { } o || o.From != m.FromTick || o.Until != m.UntilTick) return; // a repeat
        if (!parts.TryGetValue(m.Slot, out var got) || got.Length != m.Parts) parts[m.Slot] = got = new EpochReport?[m.Parts];
        got[m.Part] = m;
        if (got.Any(p => p is null)) return;
        parts.Remove(m.Slot);
        outstanding[m.Slot] = null;

        var a = m.Slot / run.Plan.Length;
        var serverId = run.ServerOf(m.Slot).ServerId;
        foreach (var part in got)
        {
            foreach (var sample in part!.Samples) accumulators[a].Add(sample);
            foreach (var (e, outcome) in part.Events) accumulators[a].Events.Merge(serverId, e, outcome);
            foreach (var p in part.ProgramEvents) accumulators[a].Events.MergeProgramEvent(serverId, p);
        }
        if (!slotsByMember.TryGetValue(m.Member, out var slots)) slotsByMember[m.Member] = slots = [];
        slots.Add(m.Slot);
        ticksDone += m.UntilTick - merged[m.Slot];
        merged[m.Slot] = m.UntilTick;
        if (m.UntilTick < run.Scenario.TickCount) Send(m.Slot, m.UntilTick);
        else
        {
            inFlight--;
            finished++;
            serversDone[a]++;
            if (serversDone[a] == run.Plan.Length) output.ArmCompleted?.Invoke(accumulators[a].Build());
            Launch();
        }
        output.Progress?.Report(new RunProgress(run.Arms[a].Name, a, run.Arms.Length, serversDone[a], run.Plan.Length,
            ticksDone * run.Scenario.Tick.TotalSeconds, run.Scenario.Duration.TotalSeconds * run.Slots));
        if (finished == run.Slots) Complete();
    }

    private void Removed(ClusterEvent.MemberRemoved m)
    {
        if (m.Member.Address == cluster.SelfAddress) return;
        if (over)
        {
            acksPending.Remove(m.Member.Address);
            if (departing.Remove(m.Member.Address)) output.Log($"member {m.Member.Address} left");
            if (acksPending.Count == 0 && departing.Count == 0) Notified();
            return;
        }
        ready.Remove(m.Member.Address.ToString());
        var open = outstanding.Count(o => o is not null);
        output.Log($"member {m.Member.Address} was removed (it was {m.PreviousStatus})" +
            (started && !over ? $"; its servers resume on the other members, replayed from the scenario ({open} epoch(s) in flight are asked again)" : ""));
        // Give the shard regions a moment to drop the dead member's shards before asking again.
        if (started && !over) Timers.StartSingleTimer("removed", new ResendOutstanding(TimeSpan.Zero), TimeSpan.FromSeconds(2));
    }

    private void Resend(TimeSpan olderThan)
    {
        if (over) return;
        var now = DateTime.UtcNow;
        for (var slot = 0; slot < outstanding.Length; slot++)
            if (outstanding[slot] is { } o && now - o.SentAt >= olderThan) Send(slot, o.From);
    }

    private void Complete()
    {
        var wall = clock.Elapsed.TotalSeconds;
        var total = run.Scenario.Duration.TotalSeconds * run.Slots;
        var report = new SimulationReport(run.Scenario.Name, run.Scenario.Seed, run.Scenario.Duration.TotalSeconds,
            new EngineInfo("cluster", Math.Max(1, slotsByMember.Count), wall, wall > 0 ? total / wall : 0),
            [.. accumulators.Select(acc => acc.Build())]);
        foreach (var (member, slots) in slotsByMember)
            output.Log($"member {member} simulated {slots.Count} server slot(s)");
        output.Result.TrySetResult(report);
        NotifyWorkers(new FleetFinished(true, "run complete"));
    }

    private void Fail(string reason)
    {
        if (over) return;
        output.Result.TrySetException(new ActorEngineException(reason));
        NotifyWorkers(new FleetFinished(false, $"the run failed: {reason}"));
    }

    /// <summary>
    /// Tells every other member the run is over and waits (bounded) until they have acknowledged and
    /// left, so the host leaves last and alone (quick) instead of waiting on members mid-exit.
    /// </summary>
    private void NotifyWorkers(FleetFinished message)
    {
        over = true;
        Timers.Cancel("stale");
        foreach (var member in cluster.State.Members.Where(m => m.Address != cluster.SelfAddress && m.Status == MemberStatus.Up))
        {
            acksPending.Add(member.Address);
            Context.ActorSelection(new RootActorPath(member.Address) / "user" / FleetMember.Name).Tell(message);
        }
        if (acksPending.Count == 0) Notified();
        else Timers.StartSingleTimer("acks", AcksTimedOut.Instance, AckTimeout);
    }

    private void Acked(Address member)
    {
        if (acksPending.Remove(member)) departing.Add(member);
    }

    private void Notified()
    {
        Timers.Cancel("acks");
        output.WorkersNotified.TrySetResult();
    }

    private sealed record ResendOutstanding(TimeSpan OlderThan);

    private sealed record AcksTimedOut
    {
        public static AcksTimedOut Instance { get; } = new();
    }
}
