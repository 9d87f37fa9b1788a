using Akka.Configuration;

namespace NumaActors.Actors.Engine;

/// <summary>
/// How the actor engine runs: how many servers are simulated at once (their actors live only while
/// they run, so this bounds memory), how much simulated time an epoch is, and optionally a dedicated
/// dispatcher with a fixed number of threads for every server actor (null: Akka's default dispatcher
/// on the .NET thread pool).
/// </summary>
public sealed record ActorEngineOptions
{
    public const string DispatcherId = "numa-actors.server-dispatcher";

    /// <summary>Servers in flight; 0 means four per processor.</summary>
    public int MaxServersInFlight { get; init; }

    /// <summary>Simulated time per epoch; servers report to the coordinator at epoch ends.</summary>
    public TimeSpan Epoch { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Threads of a dedicated dispatcher for the servers' actors; 0: the default dispatcher.</summary>
    public int DispatcherThreads { get; init; }

    public static ActorEngineOptions Default { get; } = new();

    public int ServersInFlight => MaxServersInFlight > 0 ? MaxServersInFlight : 4 * Environment.ProcessorCount;

    public string? Dispatcher => DispatcherThreads > 0 ? DispatcherId : null;

    /// <summary>The ActorSystem configuration the engine needs (quiet logging; the dispatcher when asked for).</summary>
    public Config ToConfig() => ConfigurationFactory.ParseString(Hocon(DispatcherThreads));

    /// <summary>HOCON for a system that runs the engine with <paramref name="threads"/> dispatcher threads (0: none).</summary>
    public static string Hocon(int threads) => $$"""
        akka {
          loglevel = WARNING
          stdout-loglevel = WARNING
          log-dead-letters = off
          log-dead-letters-during-shutdown = off
        }
        numa-actors.server-dispatcher {
          type = ForkJoinDispatcher
          throughput = 100
          dedicated-thread-pool {
            thread-count = {{Math.Max(1, threads)}}
            threadtype = background
          }
        }
        """;
}
