using System.CommandLine;
using NumaActors.Host.Cli;
using NumaActors.Host.Running;
using NumaActors.Topology.Units;

namespace NumaActors.Host.Commands;

/// <summary><c>run [SCENARIO]</c>: simulate a scenario in this process and write the report.</summary>
public static class RunCommand
{
    public const string ActorsEngine = "actors";
    public const string SequentialEngine = "sequential";

    public static Command Create(CliConsole console)
    {
        var scenario = new Argument<string?>("SCENARIO")
        {
            Description = "Scenario file (YAML). Without it, the embedded default scenario runs.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var outDir = new Option<string?>("--out") { Description = "Output directory (default ./out/<scenario-name>)." };
        var seed = new Option<ulong?>("--seed") { Description = "Override the scenario's seed." };
        var duration = new Option<TimeSpan?>("--duration")
        {
            Description = "Override the scenario's duration (e.g. 120s, 10m).",
            CustomParser = r =>
            {
                var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
                if (Units.TryParseDuration(text, out var d, out var error) && d > TimeSpan.Zero) return d;
                r.AddError($"--duration: {(error.Length > 0 ? error : "must be positive")}");
                return null;
            },
        };
        var engine = new Option<string>("--engine")
        {
            Description = "actors (default: the fleet as an actor system) or sequential (the reference: one server after the other, no actors).",
            DefaultValueFactory = _ => ActorsEngine,
        };
        engine.AcceptOnlyFromAmong(ActorsEngine, SequentialEngine);
        var arm = new Option<string?>("--arm") { Description = "Run only the arm with this name." };

        var command = new Command("run", "Run a scenario in this process and write report.json, timeseries.csv and report.html.")
        {
            scenario, outDir, seed, duration, engine, arm,
        };
        command.SetAction((parse, cancel) => RunPipeline.RunAsync(
            console,
            new RunOptions(parse.GetValue(scenario), parse.GetValue(outDir), parse.GetValue(seed),
                parse.GetValue(duration), parse.GetValue(engine)!, parse.GetValue(arm)),
            cancel));
        return command;
    }
}
