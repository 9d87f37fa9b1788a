using System.CommandLine;
using NumaActors.Actors.Engine;
using NumaActors.Host.Bench;
using NumaActors.Host.Cli;
using NumaActors.Kernel.Scenarios;
using U = NumaActors.Topology.Units.Units;

namespace NumaActors.Host.Commands;

/// <summary>
/// <c>bench [--servers N]... [--seconds S] [--fault-grain SIZE] [--engine both|actors|sequential] [--servers-in-flight N] [--allocations] [--out DIR]</c>: the speed yardstick (DESIGN.md,
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
        var grain = new Option<string>("--fault-grain")
        {
            Description = "Base-page bytes one simulated hinting fault stands for (the scenario's fault_grain): "
                + "4KiB (default) simulates every fault; e.g. 64KiB draws one per 16 pages. A multiple of 4KiB, at most 2MiB.",
            DefaultValueFactory = _ => "4KiB",
        };
        grain.Validators.Add(r =>
        {
            if (ParseGrain(r.GetValue(grain)) is { } error) r.AddError(error);
        });
        var engine = new Option<string>("--engine")
        {
            Description = "both (default: both engines, alternating, results compared), or actors / sequential alone "
                + "(for fleets too large to run twice; nothing is compared).",
            DefaultValueFactory = _ => BothEngines,
        };
        engine.AcceptOnlyFromAmong(BothEngines, RunCommand.ActorsEngine, RunCommand.SequentialEngine);
        var outDir = new Option<string?>("--out") { Description = "Output directory for bench.json (default ./out/bench)." };
        var inFlight = ServersInFlightOption.Create();
        var allocations = new Option<bool>("--allocations")
        {
            Description = "Also count managed bytes allocated per server-second (from the runtime's allocation events; costs about 5% of throughput, so off by default).",
        };

        var command = new Command("bench", "Run the benchmark fleet at each size with both engines; print a table and write bench.json.")
        {
            servers, seconds, grain, engine, outDir, inFlight, allocations,
        };
        command.SetAction(parse =>
        {
            U.TryParseSize(parse.GetValue(grain), out long grainBytes, out _);
            var engines = parse.GetValue(engine) is { } e && e != BothEngines ? e : null;
            return Run(console, parse.GetValue(servers)!, parse.GetValue(seconds), grainBytes, engines,
                ServersInFlightOption.ToEngineOptions(parse.GetValue(inFlight)), parse.GetValue(allocations), parse.GetValue(outDir) ?? Path.Combine("out", "bench"));
        });
        return command;
    }

    /// <summary>Null when <paramref name="text"/> is a usable fault grain, else the error to show.</summary>
    private static string? ParseGrain(string? text)
    {
        if (!U.TryParseSize(text, out long bytes, out string error)) return $"--fault-grain: {error}";
        return Scenario.FaultGrainProblem(bytes, Scenario.DefaultRegionSizeBytes, text!) is { } problem ? "--fault-grain " + problem : null;
    }

    private const string BothEngines = "both";

    private static int Run(CliConsole console, int[] servers, int seconds, long faultGrainBytes, string? engines, ActorEngineOptions actorOptions, bool countAllocations, string outDir)
    {
        BenchResult result;
        try
        {
            result = BenchRunner.Run(servers, seconds, console, faultGrainBytes, engines, actorOptions, countAllocations);
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
        if (result.Identical || !result.Compared) return ExitCodes.Success;
        console.Fail("the actor and sequential engines gave different results");
        return ExitCodes.RunFailed;
    }
}
