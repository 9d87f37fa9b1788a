using System.CommandLine;
using NumaActors.Actors.Engine;
using NumaActors.Host.Bench;
using NumaActors.Host.Cli;

namespace NumaActors.Host.Commands;

/// <summary>
/// <c>bench [--servers N]... [--seconds S] [--out DIR]</c>: the speed yardstick (DESIGN.md,
/// performance). Runs the bench fleet at each size with both engines, prints a table, writes
/// <c>DIR/bench.json</c>; exits 1 when the engines' results differ.
/// </summary>
public static class BenchCommand
{
    public static readonly int[] DefaultServers = [100, 1_000, 10_000];
    public const int DefaultSeconds = 300;

    public static Command Create(CliConsole console)
    {
        var servers = new Option<int[]>("--servers")
        {
            Description = "Fleet sizes to run, one or more (default: 100 1000 10000). At least 2 servers each.",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => DefaultServers,
        };
        servers.Validators.Add(r =>
        {
            if (r.GetValue(servers) is { } s && s.Any(n => n < 2)) r.AddError("--servers: each fleet size must be at least 2");
        });
        var seconds = new Option<int>("--seconds")
        {
            Description = $"Simulated seconds per run (default {DefaultSeconds}).",
            DefaultValueFactory = _ => DefaultSeconds,
        };
        seconds.Validators.Add(r => { if (r.GetValue(seconds) < 1) r.AddError("--seconds must be at least 1"); });
        var outDir = new Option<string?>("--out") { Description = "Output directory for bench.json (default ./out/bench)." };

        var command = new Command("bench", "Run the benchmark fleet at each size with both engines; print a table and write bench.json.")
        {
            servers, seconds, outDir,
        };
        command.SetAction(parse => Run(console, parse.GetValue(servers)!, parse.GetValue(seconds), parse.GetValue(outDir) ?? Path.Combine("out", "bench")));
        return command;
    }

    private static int Run(CliConsole console, int[] servers, int seconds, string outDir)
    {
        BenchResult result;
        try
        {
            result = BenchRunner.Run(servers, seconds, console.Out);
        }
        catch (ActorEngineException e)
        {
            console.Fail($"a simulated server failed: {e.Message}");
            return ExitCodes.RunFailed;
        }
        Directory.CreateDirectory(outDir);
        var path = Path.Combine(outDir, BenchJson.FileName);
        using (var file = File.Create(path)) BenchJson.Write(result, file);
        BenchTable.Write(console, result);
        console.Out.WriteLine($"wrote {path}");
        if (result.Identical) return ExitCodes.Success;
        console.Fail("the actor and sequential engines gave different results");
        return ExitCodes.RunFailed;
    }
}
