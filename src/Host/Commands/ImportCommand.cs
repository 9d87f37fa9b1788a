using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using NumaActors.Host.Cli;
using NumaActors.Host.Import;
using NumaActors.Host.Running;
using NumaActors.Kernel.Scenarios;
using NumaActors.Topology.Units;

namespace NumaActors.Host.Commands;

/// <summary><c>import openb</c>: the Alibaba OpenB trace as a scenario file (docs/IMPORT.md).</summary>
public static class ImportCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("import", "Turn a real fleet trace into a scenario file.");
        command.Add(Openb(console));
        return command;
    }

    private static Command Openb(CliConsole console)
    {
        var nodes = new Option<string?>("--nodes") { Description = $"Node list CSV (default: {OpenbTraceFiles.NodesFileName} under ../shared/data/openb/ when found)." };
        var pods = new Option<string?>("--pods") { Description = $"Pod list CSV (default: {OpenbTraceFiles.PodsFileName} under ../shared/data/openb/ when found)." };
        var hours = Positive<double?>("--hours", "Length of the trace window in hours (default: the whole trace).");
        var startHour = new Option<double?>("--start-hour") { Description = "Where the window starts, in trace hours (default: the last --hours of the trace, or 0)." };
        startHour.Validators.Add(r => { if (r.GetValue(startHour) is < 0) r.AddError("--start-hour must be 0 or more"); });
        var timeScale = Positive<double?>("--time-scale", "Trace seconds per simulated second (default: the window fills --duration).");
        var maxServers = new Option<int?>("--max-servers") { Description = "Keep this many nodes, spread evenly over the list, with their pods (default: all)." };
        maxServers.Validators.Add(r => { if (r.GetValue(maxServers) is < 1) r.AddError("--max-servers must be at least 1"); });
        var duration = new Option<TimeSpan?>("--duration")
        {
            Description = "The scenario's duration (default 600s).",
            CustomParser = r =>
            {
                var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
                if (Units.TryParseDuration(text, out var d, out var error) && d >= OpenbImportOptions.Tick && d.Ticks % OpenbImportOptions.Tick.Ticks == 0) return d;
                r.AddError($"--duration: {(error.Length > 0 ? error : $"must be a positive multiple of the {Units.FormatDuration(OpenbImportOptions.Tick)} tick")}");
                return null;
            },
        };
        var output = new Option<string?>("--out") { Description = "Scenario file to write (default: stdout)." };
        var command = new Command("openb", "Import the Alibaba OpenB trace (node list and pod list) as a scenario.")
        {
            nodes, pods, hours, startHour, timeScale, duration, maxServers, output,
        };
        command.SetAction(parse => Run(console, parse.GetValue(nodes), parse.GetValue(pods), parse.GetValue(output), new OpenbImportOptions(
            Duration: parse.GetValue(duration), Hours: parse.GetValue(hours), StartHour: parse.GetValue(startHour),
            TimeScale: parse.GetValue(timeScale), MaxServers: parse.GetValue(maxServers))));
        return command;
    }

    private static Option<T> Positive<T>(string name, string description)
    {
        var option = new Option<T>(name) { Description = description };
        option.Validators.Add(r => { if (r.GetValue(option) is double v && !(v > 0 && double.IsFinite(v))) r.AddError($"{name} must be a positive number"); });
        return option;
    }

    private static int Run(CliConsole console, string? nodesPath, string? podsPath, string? outPath, OpenbImportOptions options)
    {
        var clock = Stopwatch.StartNew();
        var nodesFile = Input(console, "--nodes", nodesPath, OpenbTraceFiles.NodesFileName);
        var podsFile = Input(console, "--pods", podsPath, OpenbTraceFiles.PodsFileName);
        if (nodesFile is null || podsFile is null) return ExitCodes.BadInput;
        var result = OpenbImporter.Import(nodesFile, File.ReadAllText(nodesFile), podsFile, File.ReadAllText(podsFile), options);
        foreach (var e in result.Errors) console.Error.WriteLine(e.ToString());
        if (result.Yaml is null || result.Summary is not { } s) return ExitCodes.BadInput;

        // The file must load as written; a failure here is the importer's bug, not the user's input.
        var loaded = ScenarioLoader.LoadText(result.Yaml, outPath ?? "<stdout>", Directory.GetCurrentDirectory(), Catalogs.Policies);
        if (loaded.Scenario is null)
        {
            foreach (var d in loaded.Diagnostics.Take(20)) console.Error.WriteLine(d.ToString());
            console.Fail("the imported scenario does not validate (an importer bug); nothing written");
            return ExitCodes.RunFailed;
        }
        if (outPath is null) console.Out.Write(result.Yaml);
        else WriteAtomically(outPath, result.Yaml);
        Report(console, s, clock.Elapsed);
        return ExitCodes.Success;
    }

    /// <summary>The given path, or the shared trace file; a missing file is bad input.</summary>
    private static string? Input(CliConsole console, string option, string? given, string defaultName)
    {
        var path = given ?? OpenbTraceFiles.Find(defaultName);
        if (path is null)
        {
            console.Fail($"{option} is required: no ../shared/data/openb/{defaultName} found beside the repository");
            return null;
        }
        if (File.Exists(path)) return path;
        console.Fail($"{option}: file '{path}' not found");
        return null;
    }

    /// <summary>Writes beside the target and moves into place, so a failed write leaves no partial scenario.</summary>
    private static void WriteAtomically(string path, string text)
    {
        var full = Path.GetFullPath(path);
        var temp = full + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        File.WriteAllText(temp, text);
        File.Move(temp, full, overwrite: true);
    }

    private static void Report(CliConsole console, OpenbImportSummary s, TimeSpan elapsed)
    {
        var e = console.Error;
        e.WriteLine(FormattableString.Invariant(
            $"imported {s.Written} of the window's {s.PodsInWindow} pods onto {s.Servers} servers: {s.Classes} classes, {s.Workloads} workloads, {s.TimelineEvents} timeline events ({elapsed.TotalSeconds:0.00}s)"));
        e.WriteLine($"unplaceable pods: {s.Unplaceable.Count}{(s.Unplaceable.Count == 0 ? "" : " (first: " + string.Join(", ", s.Unplaceable.Take(OpenbScenarioText.NamedUnplaceable).Select(p => p.Pod.Name)) + ")")}");
        if (s.NeverScheduled > 0) e.WriteLine($"pods never bound in the trace (not placed): {s.NeverScheduled}");
        if (s.LeftOutByMaxServers > 0) e.WriteLine($"pods on nodes left out by --max-servers: {s.LeftOutByMaxServers}");
        if (s.ShorterThanTick > 0) e.WriteLine($"pods shorter than one tick once compressed, run for one tick: {s.ShorterThanTick}");
        if (s.StartsPastEnd > 0) e.WriteLine($"pods starting after the end of the run, left out: {s.StartsPastEnd}");
    }
}
