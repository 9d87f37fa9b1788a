using Akka.Actor;
using Akka.Cluster.Sharding;
using NumaActors.Actors.Actors;
using static NumaActors.Actors.Cluster.LocalProtocol;
using static NumaActors.Actors.Messages.ClusterProtocol;
using static NumaActors.Actors.Messages.TickProtocol;

namespace NumaActors.Actors.Cluster;

/// <summary>
/// The sharded entity of one server slot: a thin shell over the in-process <see cref="ServerActor"/>
/// subtree, so a server's nodes, cgroups and tasks never talk across processes. Requests are
/// idempotent: a repeated epoch gets the same reply again, and a fresh entity (after a member died
/// or a shard moved) replays the server from the scenario up to the requested epoch, which is
/// exact because a server's simulation depends only on the scenario, the seed and its id.
/// </summary>
public sealed class ServerEntity : ReceiveActor, IWithStash
{
    private readonly int slot;
    private readonly IActorRef member;
    private readonly string memberAddress;
    private FleetRun run = null!;
    private IActorRef? server;
    private long serverTicks;
    private bool replaying, stopAfterEpoch;
    private RunServerEpoch? request, answered;
    private IActorRef requester = ActorRefs.Nobody;
    private IReadOnlyList<EpochReport> answer = [];
    private int generation;

    public ServerEntity(string entityId, IActorRef member)
    {
        slot = ServerMessageExtractor.SlotOf(entityId);
        this.member = member;
        memberAddress = Akka.Cluster.Cluster.Get(Context.System).SelfAddress.ToString();
        WaitingForRun();
    }

    public IStash Stash { get; set; } = null!;

    public static Props Props(string entityId, IActorRef member) =>
        Akka.Actor.Props.Create(() => new ServerEntity(entityId, member));

    protected override void PreStart() => member.Tell(GetFleetRun.Instance);

    // The model threw: the run fails with the reason; nothing is retried (a replay would throw again).
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(e =>
    {
        requester.Tell(new ServerFailed(slot, e.Message));
        server = null;
        Become(Ready);
        Stash.UnstashAll();
        return Directive.Stop;
    });

    private void WaitingForRun()
    {
        Receive<FleetRunReady>(m =>
        {
            run = m.Run;
            Become(Ready);
            Stash.UnstashAll();
        });
        Receive<StopServerEntity>(_ => Context.Stop(Self));
        ReceiveAny(_ => Stash.Stash());
    }

    private void Ready()
    {
        Receive<RunServerEpoch>(Start);
        Receive<StopServerEntity>(_ => Context.Stop(Self));
    }

    private void Busy()
    {
        Receive<EpochDone>(m => m.Slot == generation, EpochDone);
        Receive<StopServerEntity>(_ => stopAfterEpoch = true);
        Receive<RunServerEpoch>(_ => Stash.Stash());
    }

    private void Start(RunServerEpoch m)
    {
        if (answered == m)
        {
            foreach (var part in answer) Sender.Tell(part);
            return;
        }
        if (server is null || serverTicks > m.FromTick)
        {
            if (server is not null) Context.Stop(server);
            generation++;
            server = Context.ActorOf(ServerActor.Props(generation, run.Scenario, run.ArmOf(slot), run.ServerOf(slot), run.Programs, run.Schedule, null),
                $"server-{generation}");
            serverTicks = 0;
        }
        request = m;
        requester = Sender;
        replaying = serverTicks < m.FromTick;
        server.Tell(new RunEpoch(replaying ? m.FromTick : m.UntilTick));
        Become(Busy);
    }

    private void EpochDone(EpochDone done)
    {
        serverTicks = done.TicksDone;
        if (replaying)
        {
            // Caught up with the requested epoch's start; what the replay produced was merged before.
            replaying = false;
            server!.Tell(new RunEpoch(request!.UntilTick));
            return;
        }
        try
        {
            answer = EpochChunker.Split(slot, request!.FromTick, request.UntilTick, memberAddress, done.Samples, done.Events, done.ProgramEvents);
        }
        catch (InvalidOperationException e)
        {
            requester.Tell(new ServerFailed(slot, e.Message));
            answer = [];
        }
        foreach (var part in answer) requester.Tell(part);
        answered = request;
        Become(Ready);
        Stash.UnstashAll();
        if (stopAfterEpoch) Context.Stop(Self);
        else if (serverTicks >= run.Scenario.TickCount) Context.Parent.Tell(new Passivate(StopServerEntity.Instance));
    }
}
