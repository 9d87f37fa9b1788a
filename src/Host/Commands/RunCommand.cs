using System.CommandLine;
using System.Globalization;
using NumaActors.Kernel.Decisions;
using NumaActors.Host.Cli;
using NumaActors.Host.Metrics;
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
        var budget = new Option<double>("--budget")
        {
            Description = "Recommendations: the most balancing CPU a recommended setting may cost, as a share of the workload's CPU time (e.g. 1%, 0.5%, 0.02). Default 1%.",
            DefaultValueFactory = _ => DecisionBudget.DefaultCpuShare,
            CustomParser = r => ParseShare(r.Tokens.Count > 0 ? r.Tokens[0].Value : "", r),
        };
        var stallBudget = new Option<TimeSpan>("--stall-budget")
        {
            Description = "Recommendations: the highest stall p99 (per 100 ms window) a latency-sensitive workload may get (e.g. 2ms). Default 5ms.",
            DefaultValueFactory = _ => TimeSpan.FromMilliseconds(DecisionBudget.DefaultStallMsP99),
            CustomParser = r =>
            {
                var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
                if (Units.TryParseDuration(text, out var d, out var error) && d >= TimeSpan.Zero) return d;
                r.AddError($"--stall-budget: {(error.Length > 0 ? error : "must not be negative")}");
                return TimeSpan.Zero;
            },
        };

        var metricsPort = MetricsPortOption.Create();
        var inFlight = ServersInFlightOption.Create();
        var command = new Command("run", "Run a scenario in this process and write report.json, timeseries.csv and report.html.")
        {
            scenario, outDir, seed, duration, engine, arm, budget, stallBudget, metricsPort, inFlight,
        };
        command.SetAction((parse, cancel) => RunPipeline.RunAsync(
            console,
            new RunOptions(parse.GetValue(scenario), parse.GetValue(outDir), parse.GetValue(seed),
                parse.GetValue(duration), parse.GetValue(engine)!, parse.GetValue(arm))
            {
                CpuBudget = parse.GetValue(budget),
                StallBudgetMs = parse.GetValue(stallBudget).TotalMilliseconds,
                MetricsPort = parse.GetValue(metricsPort),
                ServersInFlight = parse.GetValue(inFlight),
            },
            cancel));
        return command;
    }

    /// <summary>"1%" or "0.01": a share from 0 to 1.</summary>
    private static double ParseShare(string text, System.CommandLine.Parsing.ArgumentResult r)
    {
        var percent = text.EndsWith('%');
        if (double.TryParse(percent ? text[..^1] : text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
        {
            var share = percent ? v / 100 : v;
            if (share is >= 0 and <= 1) return share;
        }
        r.AddError($"--budget: '{text}' is not a CPU share; use a percentage (1%) or a fraction from 0 to 1 (0.01)");
        return 0;
    }
}
