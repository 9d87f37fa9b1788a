using NumaActors.Actors.Engine;
using NumaActors.Host.Cli;
using NumaActors.Host.Commands;
using NumaActors.Host.Metrics;
using NumaActors.Host.Output;
using NumaActors.Kernel.Decisions;
using NumaActors.Kernel.Fleet;
using NumaActors.Kernel.Reporting;
using NumaActors.Kernel.Scenarios;
using NumaActors.Topology.Units;

namespace NumaActors.Host.Running;

/// <summary>
/// <c>run</c> from start to end: load and check the scenario, apply the command line's overrides,
/// simulate with the chosen engine, write the outputs, print the summary.
/// </summary>
public static class RunPipeline
{
    public static Task<int> RunAsync(CliConsole console, RunOptions options, CancellationToken cancel)
    {
        var scenario = ValidateCommand.Report(console, ScenarioInput.Load(options.ScenarioPath, Catalogs.Policies));
        if (scenario is null) return Task.FromResult(ExitCodes.BadInput);
        var file = options.ScenarioPath ?? ScenarioInput.DefaultScenarioName;

        if (!TryApplyOverrides(console, file, ref scenario, options)) return Task.FromResult(ExitCodes.BadInput);
        var outDir = options.OutDirectory ?? Path.Combine("out", scenario.Name);
        if (!MetricsSession.TryOpen(console, options.MetricsPort, scenario.Name, out var metrics)) return Task.FromResult(ExitCodes.RunFailed);
        SimulationReport report;
        try
        {
            report = ProgressDisplay.Run(console, scenario, progress =>
            {
                var selection = new RunSelection(options.Arm, metrics.Tee(progress)) { ArmCompleted = metrics.Metrics is null ? null : metrics.Metrics.ArmCompleted };
                return EngineChoice.Run(options.Engine, scenario, selection, ServersInFlightOption.ToEngineOptions(options.ServersInFlight));
            });
        }
        catch (ActorEngineException e)
        {
            console.Fail($"a simulated server failed: {e.Message}");
            return Task.FromResult(ExitCodes.RunFailed);
        }
        finally
        {
            metrics.Dispose();
        }
        RunOutputs.Write(console, outDir, report, scenario, new DecisionBudget(options.CpuBudget, options.StallBudgetMs));
        return Task.FromResult(ExitCodes.Success);
    }

    private static bool TryApplyOverrides(CliConsole console, string file, ref Scenario scenario, RunOptions options)
    {
        var ok = true;
        if (options.Seed is { } seed) scenario = scenario with { Seed = seed };
        if (options.Duration is { } duration)
        {
            if (duration.Ticks % scenario.Tick.Ticks != 0)
            {
                console.Error.WriteLine($"{file}: error: --duration {Units.FormatDuration(duration)} is not a whole number of ticks ({Units.FormatDuration(scenario.Tick)})");
                ok = false;
            }
            else scenario = scenario with { Duration = duration };
        }
        if (options.Arm is { } arm && scenario.Arms.All(a => a.Name != arm))
        {
            console.Error.WriteLine($"{file}: error: --arm '{arm}' is not an arm of the scenario; arms: {string.Join(", ", scenario.Arms.Select(a => a.Name))}");
            ok = false;
        }
        return ok;
    }
}
