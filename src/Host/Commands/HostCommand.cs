using System.CommandLine;
using NumaActors.Host.Cli;
using NumaActors.Host.Cluster;
using NumaActors.Host.Metrics;

namespace NumaActors.Host.Commands;

/// <summary><c>host [SCENARIO] --port P [--min-workers N] [--out DIR] [--metrics-port P]</c>: the first cluster member and the run's coordinator.</summary>
public static class HostCommand
{
    public static Command Create(CliConsole console)
    {
        var scenario = new Argument<string?>("SCENARIO")
        {
            Description = "Scenario file (YAML). Without it, the embedded default scenario runs.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var minWorkers = new Option<int>("--min-workers")
        {
            Description = "Workers that must have joined before the run starts (default 0: start at once; later workers still take shards).",
            DefaultValueFactory = _ => 0,
        };
        minWorkers.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0) r.AddError("--min-workers must be 0 or more");
        });
        var outDir = new Option<string?>("--out") { Description = "Output directory (default ./out/<scenario-name>)." };
        var metricsPort = MetricsPortOption.Create();
        var cluster = new ClusterCommandOptions(portRequired: true, defaultPort: 0);
        var command = new Command("host", "Start the fleet simulation host: first cluster member and coordinator; servers are spread over every member.")
        {
            scenario, minWorkers, outDir, metricsPort,
        };
        cluster.AddTo(command);
        command.SetAction((parse, cancel) =>
        {
            if (!cluster.TryGetTls(parse, console, out var tls)) return Task.FromResult(ExitCodes.BadInput);
            var port = parse.GetValue(cluster.Port);
            var hostName = parse.GetValue(cluster.HostName)!;
            return HostPipeline.RunAsync(console, parse.GetValue(scenario), parse.GetValue(outDir), parse.GetValue(minWorkers),
                new ClusterNodeSettings("host", hostName, port, hostName, port, tls), parse.GetValue(metricsPort), cancel);
        });
        return command;
    }
}
