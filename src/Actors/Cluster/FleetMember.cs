using Akka.Actor;
using Akka.Cluster;
using NumaActors.Actors.Messages;
using static NumaActors.Actors.Cluster.LocalProtocol;
using static NumaActors.Actors.Messages.ClusterProtocol;

namespace NumaActors.Actors.Cluster;

/// <summary>Builds a <see cref="FleetRun"/> from scenario text; throws <see cref="InvalidDataException"/> with every problem.</summary>
public delegate FleetRun LoadFleetRun(string fileName, string baseDirectory, string text);

/// <summary>
/// One per member (<c>/user/fleet-member</c>): holds the scenario this member's server entities
/// run. On the host it is given at once; on a worker it is fetched from the host once the worker is
/// Up (asked again every two seconds until it arrives). Completes <see cref="Finished"/> when the
/// host says the run is over, or (not succeeded) when the host leaves the cluster without saying so.
/// </summary>
public sealed class FleetMember : ReceiveActor, IWithTimers
{
    public const string Name = "fleet-member";
    private readonly ActorPath? hostPath;
    private readonly LoadFleetRun? load;
    private readonly TaskCompletionSource<FleetFinished> finished;
    private readonly List<IActorRef> waiting = [];
    private readonly string self;
    private ScenarioChunk?[] chunks = [];
    private FleetRun? run;

    public FleetMember(FleetRun? run, ActorPath? hostPath, LoadFleetRun? load, TaskCompletionSource<FleetFinished> finished)
    {
        this.run = run;
        this.hostPath = hostPath;
        this.load = load;
        this.finished = finished;
        self = Akka.Cluster.Cluster.Get(Context.System).SelfAddress.ToString();
        Receive<GetFleetRun>(_ =>
        {
            if (this.run is not null) Sender.Tell(new FleetRunReady(this.run));
            else waiting.Add(Sender);
        });
        Receive<AskHost>(_ =>
        {
            if (this.run is not null || hostPath is null)
            {
                Timers.Cancel(AskHost.Instance);
                return;
            }
            Context.ActorSelection(hostPath).Tell(new GetScenario(self));
            if (!Timers.IsTimerActive(AskHost.Instance))
                Timers.StartPeriodicTimer(AskHost.Instance, AskHost.Instance, TimeSpan.FromSeconds(2));
        });
        Receive<ScenarioChunk>(Chunk);
        Receive<ClusterEvent.MemberRemoved>(m =>
        {
            if (hostPath is not null && m.Member.Address == hostPath.Address)
                finished.TrySetResult(new FleetFinished(false, $"the host {hostPath.Address} left the cluster without finishing a run with this worker"));
        });
        Receive<ClusterEvent.IMemberEvent>(_ => { });
        Receive<FleetFinished>(m =>
        {
            Sender.Tell(new FleetFinishedAck(self));
            finished.TrySetResult(m);
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The host's member: the scenario is already loaded.</summary>
    public static Props ForHost(FleetRun run) =>
        Props.Create(() => new FleetMember(run, null, null, new TaskCompletionSource<FleetFinished>()));

    /// <summary>A worker: fetches the scenario from the host's <see cref="FleetHost"/> and completes <paramref name="finished"/> at the end.</summary>
    public static Props ForWorker(Address host, LoadFleetRun load, TaskCompletionSource<FleetFinished> finished) =>
        Props.Create(() => new FleetMember(null, new RootActorPath(host) / "user" / FleetHost.Name, load, finished));

    protected override void PreStart()
    {
        if (hostPath is null) return;
        var self = Self;
        var cluster = Akka.Cluster.Cluster.Get(Context.System);
        cluster.RegisterOnMemberUp(() => self.Tell(AskHost.Instance));
        cluster.Subscribe(self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.MemberRemoved));
    }

    private void Chunk(ScenarioChunk c)
    {
        if (run is not null || load is null) return;
        if (chunks.Length != c.Count) chunks = new ScenarioChunk?[c.Count];
        chunks[c.Index] = c;
        if (chunks.Any(x => x is null)) return;
        var text = string.Concat(chunks.Select(x => x!.Text));
        try
        {
            run = load(c.FileName, c.BaseDirectory, text);
            Sender.Tell(new MemberReady(self, ""));
            foreach (var w in waiting) w.Tell(new FleetRunReady(run));
            waiting.Clear();
            Timers.Cancel(AskHost.Instance);
        }
        catch (InvalidDataException e)
        {
            Sender.Tell(new MemberReady(self, e.Message));
            finished.TrySetResult(new FleetFinished(false, $"cannot load the host's scenario here: {e.Message}"));
        }
    }

    /// <summary>Ask the host for the scenario now, and every two seconds until it has arrived.</summary>
    private sealed record AskHost
    {
        public static AskHost Instance { get; } = new();
    }

    protected override void PostStop()
    {
        Akka.Cluster.Cluster.Get(Context.System).Unsubscribe(Self);
        finished.TrySetCanceled();
    }
}
