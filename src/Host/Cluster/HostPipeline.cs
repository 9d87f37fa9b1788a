using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NumaActors.Actors.Cluster;
using NumaActors.Actors.Engine;
using NumaActors.Host.Cli;
using NumaActors.Host.Commands;
using NumaActors.Host.Metrics;
using NumaActors.Host.Output;
using NumaActors.Kernel.Decisions;
using NumaActors.Host.Running;
using NumaActors.Kernel.Reporting;

namespace NumaActors.Host.Cluster;

/// <summary>
/// <c>host</c> from start to end: load and check the scenario, start the seed member, hand the
/// scenario to joining workers, run every server slot through the shard region, write the same
/// outputs as <c>run</c>, tell the workers the run is over, leave.
/// </summary>
public static class HostPipeline
{
    private static readonly TimeSpan UpTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan NotifyTimeout = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(CliConsole console, string? scenarioPath, string? outDirectory, int minWorkers,
        ClusterNodeSettings settings, int? metricsPort, CancellationToken cancel)
    {
        if (settings.Port == 0)
        {
            console.Fail("host: --port must be a fixed port: workers join HOST:PORT");
            return ExitCodes.BadInput;
        }
        var scenario = ValidateCommand.Report(console, ScenarioInput.Load(scenarioPath, Catalogs.Policies));
        if (scenario is null) return ExitCodes.BadInput;
        var text = scenarioPath is null ? ScenarioInput.DefaultScenarioText() : await File.ReadAllTextAsync(scenarioPath, cancel);
        var fileName = scenarioPath is null ? ScenarioInput.DefaultScenarioName : Path.GetFileName(scenarioPath);
        var baseDirectory = scenarioPath is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(scenarioPath))!;
        var run = new FleetRun(scenario, Catalogs.Programs, null, ActorEngineOptions.Default);
        void Log(string line) => console.Error.WriteLine($"host: {line}");

        using var node = ClusterNode.Build(settings, _ => FleetMember.ForHost(run), Log);
        if (!await ClusterNode.TryStartAsync(node, settings, "host", console, cancel)) return ExitCodes.RunFailed;
        var system = node.Services.GetRequiredService<ActorSystem>();
        if (!await ClusterNode.WaitUntilUpAsync(system, UpTimeout, cancel))
        {
            console.Fail($"host: the cluster did not form on {settings.SeedAddress} within {UpTimeout.TotalSeconds:0} s");
            await node.StopAsync(CancellationToken.None);
            return ExitCodes.RunFailed;
        }
        var region = node.Services.GetRequiredService<ActorRegistry>().Get<ServerEntity>();

        if (!MetricsSession.TryOpen(console, metricsPort, scenario.Name, out var metrics))
        {
            await node.StopAsync(CancellationToken.None);
            return ExitCodes.RunFailed;
        }
        using var metricsSession = metrics;
        SimulationReport report;
        FleetHostOutput? output = null;
        try
        {
            report = ProgressDisplay.Run(console, scenario, progress =>
            {
                output = new FleetHostOutput(Log, metrics.Tee(progress), metrics.Metrics is null ? null : metrics.Metrics.ArmCompleted);
                system.ActorOf(FleetHost.Props(run, fileName, baseDirectory, text, minWorkers, region, output), FleetHost.Name);
                return output.Result.Task.GetAwaiter().GetResult();
            });
        }
        catch (ActorEngineException e)
        {
            console.Fail($"a simulated server failed: {e.Message}");
            await Finish(output, node);
            return ExitCodes.RunFailed;
        }
        var outDir = outDirectory ?? Path.Combine("out", scenario.Name);
        RunOutputs.Write(console, outDir, report, scenario, DecisionBudget.Default);
        await Finish(output, node);
        return ExitCodes.Success;
    }

    /// <summary>Lets the workers hear that the run is over (bounded), then leaves the cluster.</summary>
    private static async Task Finish(FleetHostOutput? output, IHost node)
    {
        if (output is not null) await Task.WhenAny(output.WorkersNotified.Task, Task.Delay(NotifyTimeout));
        await node.StopAsync(CancellationToken.None);
    }
}
