using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Cluster.Hosting.SBR;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using Akka.Remote.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NumaActors.Actors.Cluster;
using NumaActors.Actors.Messages;
using static NumaActors.Actors.Cluster.LocalProtocol;

namespace NumaActors.Host.Cluster;

/// <summary>
/// One member of a cluster run, configured in code with Akka.Hosting: remoting (TLS unless
/// <c>--insecure</c>), clustering with the host as seed, the <c>server</c> shard region on every
/// member, the wire serializer for every <see cref="IFleetWireMessage"/>, and this member's
/// <see cref="FleetMember"/>.
/// </summary>
public static class ClusterNode
{
    public const string ServerTypeName = "server";

    /// <summary>
    /// Split-brain resolver: keep-oldest with down-if-alone off. The host is the oldest member (it
    /// starts the cluster), so it survives any worker's death or a partition, even left alone, and
    /// workers cut off from the host down themselves and exit; the run lives and dies with the host.
    /// </summary>
    public static KeepOldestOption SplitBrainResolver { get; } = new() { DownIfAlone = false };

    // Timing: a dead member is downed about 10 s after its last heartbeat (4 s pause + 5 s stable).
    // Rebalancing every 2 s lets a member that joins mid-run take shards soon; moved entities finish
    // their epoch first (StopServerEntity) and replay elsewhere.
    private const string Hocon = """
        akka {
          loglevel = WARNING
          stdout-loglevel = WARNING
          log-dead-letters = off
          log-dead-letters-during-shutdown = off
          cluster {
            retry-unsuccessful-join-after = 3s
            split-brain-resolver.stable-after = 5s
            failure-detector.acceptable-heartbeat-pause = 4s
            sharding {
              rebalance-interval = 2s
              least-shard-allocation-strategy.rebalance-absolute-limit = 20
            }
          }
        }
        """;

    public static IHost Build(ClusterNodeSettings settings, Func<ActorSystem, Props> memberProps, Action<string> log)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddLogging();
        builder.Services.AddAkka(ClusterNodeSettings.SystemName, (akka, _) =>
        {
            akka.AddHocon(Hocon, HoconAddMode.Prepend)
                .WithRemoting(new RemoteOptions
                {
                    HostName = settings.HostName,
                    Port = settings.Port,
                    EnableSsl = settings.Tls is not null,
                    Ssl = settings.Tls?.ToSslOptions(log)!,
                })
                .WithClustering(new ClusterOptions
                {
                    SeedNodes = [settings.SeedAddress],
                    Roles = [settings.Role],
                    SplitBrainResolver = SplitBrainResolver,
                })
                .WithCustomSerializer("numa-actors-wire", [typeof(IFleetWireMessage)], system => new FleetWireSerializer(system))
                .WithActors((system, registry) => registry.Register<FleetMember>(system.ActorOf(memberProps(system), FleetMember.Name)))
                .WithShardRegion<ServerEntity>(ServerTypeName,
                    (_, registry, _) => entityId => ServerEntity.Props(entityId, registry.Get<FleetMember>()),
                    new ServerMessageExtractor(),
                    new ShardOptions
                    {
                        StateStoreMode = StateStoreMode.DData,
                        RememberEntities = false,
                        ShouldPassivateIdleEntities = false,
                        HandOffStopMessage = StopServerEntity.Instance,
                    });
        });
        return builder.Build();
    }

    /// <summary>Waits until this member is Up (false after <paramref name="timeout"/>).</summary>
    /// <summary>Starts the node; false, with the reason printed as <paramref name="role"/>'s error, when it cannot listen.</summary>
    public static async Task<bool> TryStartAsync(IHost node, ClusterNodeSettings settings, string role, NumaActors.Host.Cli.CliConsole console, CancellationToken cancel)
    {
        try
        {
            await node.StartAsync(cancel);
            return true;
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or AggregateException or InvalidOperationException)
        {
            console.Fail($"{role}: cannot listen on {settings.HostName}:{settings.Port}: {e.GetBaseException().Message}");
            return false;
        }
    }

    public static async Task<bool> WaitUntilUpAsync(ActorSystem system, TimeSpan timeout, CancellationToken cancel)
    {
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Akka.Cluster.Cluster.Get(system).RegisterOnMemberUp(() => up.TrySetResult());
        var finished = await Task.WhenAny(up.Task, Task.Delay(timeout, cancel));
        return finished == up.Task;
    }
}
