using NumaActors.Actors.Engine;
using NumaActors.Host.Commands;
using NumaActors.Kernel.Fleet;
using NumaActors.Kernel.Reporting;
using NumaActors.Kernel.Scenarios;

namespace NumaActors.Host.Running;

/// <summary>Runs a scenario in this process with the engine a command named (`--engine`), for `run` and `bench` alike.</summary>
public static class EngineChoice
{
    public static SimulationReport Run(string engine, Scenario scenario, RunSelection selection, ActorEngineOptions actorOptions) =>
        engine == RunCommand.SequentialEngine
            ? SequentialEngine.Run(scenario, Catalogs.Programs, selection)
            : ActorEngine.Run(scenario, Catalogs.Programs, selection, actorOptions);
}
