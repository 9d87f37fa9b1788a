using System.CommandLine;
using NumaActors.Host.Cli;
using NumaActors.Host.Cluster;

namespace NumaActors.Host.Commands;

/// <summary><c>worker --join HOST:PORT [--port P]</c>: an extra member that takes a share of the simulated servers.</summary>
public static class WorkerCommand
{
    public static Command Create(CliConsole console)
    {
        var join = new Option<string>("--join") { Description = "The host's HOST:PORT.", Required = true };
        join.Validators.Add(r =>
        {
            if (!TryParseEndpoint(r.GetValueOrDefault<string>() ?? "", out _, out _)) r.AddError("--join: expected HOST:PORT, e.g. 127.0.0.1:4053");
        });
        var cluster = new ClusterCommandOptions(portRequired: false, defaultPort: 0);
        var command = new Command("worker", "Join a running host and simulate a share of its servers; exits 0 when the host finishes the run.") { join };
        cluster.AddTo(command);
        command.SetAction((parse, cancel) =>
        {
            if (!cluster.TryGetTls(parse, console, out var tls)) return Task.FromResult(ExitCodes.BadInput);
            TryParseEndpoint(parse.GetValue(join)!, out var seedHost, out var seedPort);
            return WorkerPipeline.RunAsync(console,
                new ClusterNodeSettings("worker", parse.GetValue(cluster.HostName)!, parse.GetValue(cluster.Port), seedHost, seedPort, tls), cancel);
        });
        return command;
    }

    public static bool TryParseEndpoint(string text, out string host, out int port)
    {
        host = "";
        port = 0;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), out port) || port is <= 0 or > 65535) return false;
        host = text[..colon];
        return true;
    }
}
