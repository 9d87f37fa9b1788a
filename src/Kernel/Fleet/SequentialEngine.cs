using System.Diagnostics;
using NumaActors.Kernel.Reporting;
using NumaActors.Kernel.Scenarios;

namespace NumaActors.Kernel.Fleet;

/// <summary>
/// The reference engine: every server of every arm, one after the other, on one thread, with no
/// actors. The actor engine must give the same report (the engine block aside).
/// </summary>
public static class SequentialEngine
{
    public const string Kind = "sequential";

    public static SimulationReport Run(Scenario scenario, IHookProgramSource programs, RunSelection? selection = null)
    {
        selection ??= new RunSelection();
        var clock = Stopwatch.StartNew();
        var plan = FleetLayout.Plan(scenario);
        var arms = scenario.Arms.Where(a => selection.Arm is null || a.Name == selection.Arm).ToList();
        var tickMs = (long)scenario.Tick.TotalMilliseconds;
        var schedule = new RowSchedule(scenario.TickCount, tickMs, (long)scenario.Outputs.TimeseriesInterval.TotalMilliseconds);
        var serverSeconds = scenario.Duration.TotalSeconds;
        var total = serverSeconds * plan.Length * arms.Count;
        var reports = new List<ArmReport>();

        for (var a = 0; a < arms.Count; a++)
        {
            var accumulator = new ArmAccumulator(scenario, arms[a].Name, schedule, plan.Length);
            for (var s = 0; s < plan.Length; s++)
            {
                RunServer(new ServerSimulation(scenario, arms[a], plan[s], programs), schedule, accumulator);
                selection.Progress?.Report(new RunProgress(arms[a].Name, a, arms.Count, s + 1, plan.Length,
                    serverSeconds * (a * plan.Length + s + 1), total));
            }
            reports.Add(accumulator.Build());
            selection.ArmCompleted?.Invoke(reports[^1]);
        }

        var wall = clock.Elapsed.TotalSeconds;
        return new SimulationReport(scenario.Name, scenario.Seed, serverSeconds,
            new EngineInfo(Kind, 1, wall, wall > 0 ? total / wall : 0), reports);
    }

    /// <summary>One server from start to end: program events taken, due events, a tick, and the time-series rows due after it.</summary>
    public static void RunServer(ServerSimulation server, RowSchedule schedule, ArmAccumulator accumulator)
    {
        for (long k = 1; k <= schedule.TickCount; k++)
        {
            var start = server.Tick();
            foreach (var (e, outcome) in start.Outcomes) accumulator.Events.Merge(server.ServerId, e, outcome);
            foreach (var p in start.ProgramEvents) accumulator.Events.MergeProgramEvent(server.ServerId, p);
            foreach (var row in schedule.RowsAfter(k)) accumulator.Add(server.Sample(row));
        }
    }
}
