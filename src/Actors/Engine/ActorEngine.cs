using Akka.Actor;
using NumaActors.Actors.Actors;
using NumaActors.Kernel.Fleet;
using NumaActors.Kernel.Reporting;
using NumaActors.Kernel.Scenarios;
using static NumaActors.Actors.Messages.FleetProtocol;

namespace NumaActors.Actors.Engine;

/// <summary>
/// The actor engine (<c>--engine actors</c>): the fleet as an actor system in this process, a
/// <see cref="FleetCoordinator"/> over one <see cref="ServerActor"/> subtree per simulated server.
/// Gives the same <see cref="SimulationReport"/> as <see cref="SequentialEngine"/>, the engine block aside.
/// </summary>
public static class ActorEngine
{
    public const string Kind = "actors";

    /// <summary>Runs the scenario in a fresh actor system and shuts it down afterwards.</summary>
    public static SimulationReport Run(Scenario scenario, IHookProgramSource programs, RunSelection? selection = null, ActorEngineOptions? options = null)
    {
        options ??= ActorEngineOptions.Default;
        var system = ActorSystem.Create("numa-actors", options.ToConfig());
        try
        {
            return RunAsync(system, scenario, programs, selection, options).GetAwaiter().GetResult();
        }
        finally
        {
            system.Terminate().GetAwaiter().GetResult();
        }
    }

    /// <summary>Runs the scenario in an existing actor system (tests use the TestKit's).</summary>
    public static async Task<SimulationReport> RunAsync(ActorSystem system, Scenario scenario, IHookProgramSource programs,
        RunSelection? selection = null, ActorEngineOptions? options = null, CancellationToken cancel = default)
    {
        var coordinator = system.ActorOf(FleetCoordinator.Props(scenario, programs, selection ?? new RunSelection(), options ?? ActorEngineOptions.Default));
        try
        {
            var reply = await coordinator.Ask<object>(StartFleet.Instance, Timeout.InfiniteTimeSpan, cancel);
            return reply switch
            {
                FleetCompleted done => done.Report,
                FleetFailed failed => throw new ActorEngineException(failed.Reason),
                _ => throw new ActorEngineException($"unexpected reply {reply.GetType().Name}"),
            };
        }
        finally
        {
            system.Stop(coordinator);
        }
    }
}
