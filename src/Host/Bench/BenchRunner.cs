using System.Diagnostics;
using System.Runtime.InteropServices;
using NumaActors.Actors.Engine;
using NumaActors.Host.Cli;
using NumaActors.Host.Commands;
using NumaActors.Host.Output;
using NumaActors.Host.Running;
using NumaActors.Kernel.Fleet;
using NumaActors.Kernel.Reporting;
using NumaActors.Kernel.Scenarios;

namespace NumaActors.Host.Bench;

/// <summary>
/// Runs the bench fleet at each size with both engines, one after the other in this process, and
/// checks they agree. The engine that goes first alternates from one size to the next, so neither
/// always gets the cold JIT or the warm heap.
/// </summary>
public static class BenchRunner
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(20);

    /// <param name="engines">
    /// Null: both engines, alternating, compared. One engine's name: that engine only (for fleets
    /// too large to run twice); no ratio and no comparison are made.
    /// </param>
    public static BenchResult Run(IReadOnlyList<int> sizes, int seconds, CliConsole console, long faultGrainBytes = Scenario.DefaultFaultGrainBytes,
        string? engines = null, ActorEngineOptions? actorOptions = null, bool countAllocations = false)
    {
        var actors = actorOptions ?? ActorEngineOptions.Default;
        var started = DateTimeOffset.UtcNow;
        var runs = new List<BenchRun>();
        var ratios = new List<BenchRatio>();
        // Counting allocations costs about 5% of throughput (the runtime's allocation events): only when asked.
        using var allocations = countAllocations ? new AllocationMeter() : null;
        for (int i = 0; i < sizes.Count; i++)
        {
            var scenario = BenchScenario.Build(sizes[i], seconds, faultGrainBytes);
            string[] order = engines is not null ? [engines]
                : i % 2 == 0
                    ? [RunCommand.SequentialEngine, RunCommand.ActorsEngine]
                    : [RunCommand.ActorsEngine, RunCommand.SequentialEngine];
            var results = new Dictionary<string, string>();
            var byEngine = new Dictionary<string, BenchRun>();
            foreach (var engine in order)
            {
                console.Out.WriteLine($"bench: {sizes[i]:N0} servers x {seconds} s, engine {engine} ...");
                var (run, report) = Measure(console, scenario, sizes[i], seconds, engine, actors, allocations);
                console.Out.WriteLine($"bench: {sizes[i]:N0} servers, {engine}: {run.WallSeconds:0.00} s wall, {run.ServerSecondsPerWallSecond:N0} server-seconds per wall second");
                results[engine] = ResultsText(report, scenario);
                byEngine[engine] = run;
                runs.Add(run);
            }
            if (engines is not null) continue;
            var seq = byEngine[RunCommand.SequentialEngine].ServerSecondsPerWallSecond;
            var act = byEngine[RunCommand.ActorsEngine].ServerSecondsPerWallSecond;
            ratios.Add(new BenchRatio(sizes[i], seq > 0 ? act / seq : 0,
                results[RunCommand.SequentialEngine] == results[RunCommand.ActorsEngine]));
        }
        using var self = Process.GetCurrentProcess();
        return new BenchResult(started, Environment.ProcessorCount, RuntimeInformation.FrameworkDescription,
            RuntimeInformation.OSDescription, runs, ratios, self.PeakWorkingSet64, faultGrainBytes, Compared: engines is null)
        {
            ServersInFlight = engines == RunCommand.SequentialEngine ? null : actors.ServersInFlight,
        };
    }

    private static (BenchRun Run, SimulationReport Report) Measure(CliConsole console, Scenario scenario, int servers, int seconds, string engine, ActorEngineOptions actors, AllocationMeter? allocations)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        long before = Environment.WorkingSet;
        long? allocatedBefore = allocations?.Settled();
        int gen0 = GC.CollectionCount(0), gen2 = GC.CollectionCount(2);
        using var sampler = new WorkingSetSampler(SampleEvery);
        var clock = Stopwatch.StartNew();
        // Progress as run shows it (a bar on a terminal, a line now and then in a pipe): a large fleet runs for an hour.
        var report = ProgressDisplay.Run(console, scenario, progress => EngineChoice.Run(engine, scenario, new RunSelection(Progress: progress), actors));
        double wall = clock.Elapsed.TotalSeconds;
        long peak = sampler.Peak;
        long? allocated = allocations?.Settled() - allocatedBefore;
        long faults = 0, migrated = 0;
        foreach (var arm in report.Arms)
        {
            faults += arm.Fleet.Vmstat.NumaHintFaults;
            migrated += arm.Fleet.Vmstat.NumaPagesMigrated;
        }
        double serverSeconds = (double)servers * seconds * scenario.Arms.Length;
        var run = new BenchRun(servers, seconds, engine, wall, wall > 0 ? serverSeconds / wall : 0,
            BenchScenario.Tasks(scenario), faults, migrated, peak, before, allocated,
            GC.CollectionCount(0) - gen0, GC.CollectionCount(2) - gen2);
        return (run, report);
    }

    /// <summary>What both engines must agree on: report.json without the engine block, and timeseries.csv.</summary>
    public static string ResultsText(SimulationReport report, Scenario scenario)
    {
        using var csv = new StringWriter();
        TimeseriesCsv.Write(report, ReportFiles.MaxNodeId(scenario), csv);
        return ReportJson.SimulationResultsJson(report) + "\n" + csv;
    }
}
