using System.CommandLine;
using NumaActors.Actors.Engine;

namespace NumaActors.Host.Commands;

/// <summary>
/// <c>--servers-in-flight N</c>, shared by <c>run</c> and <c>bench</c>: how many servers the actor
/// engine simulates at once. Only those servers' state is alive, so this is the engine's memory
/// bound; throughput on 2 cores barely moves between 2 and 16 (docs/PERFORMANCE.md).
/// </summary>
public static class ServersInFlightOption
{
    public static Option<int?> Create()
    {
        var option = new Option<int?>("--servers-in-flight")
        {
            Description = "Actor engine: servers simulated at once (default 4 per processor). Memory grows with it; lower it to cap memory on large exact-grain fleets.",
        };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is { } n && n < 1) r.AddError($"--servers-in-flight: {n} must be at least 1");
        });
        return option;
    }

    /// <summary>The actor engine's options for what the command line asked (null: the engine's default).</summary>
    public static ActorEngineOptions ToEngineOptions(int? serversInFlight) =>
        ActorEngineOptions.Default with { MaxServersInFlight = serversInFlight ?? 0 };
}
