using Akka.TestKit.Xunit2;
using NumaActors.Actors.Engine;
using NumaActors.Actors.Tests.Support;
using NumaActors.Kernel.Fleet;
using NumaActors.Kernel.Reporting;
using NumaActors.Kernel.Scenarios;

namespace NumaActors.Actors.Tests;

/// <summary>
/// The actor engine's report equals the sequential engine's, the engine block aside (DESIGN.md:
/// both engines give identical results), for scripted scenarios; the shipped examples are compared
/// through the command line (Host.Tests, ExampleEngineEquivalenceTests).
/// The TestKit system has a dedicated dispatcher of four threads, so servers and their children
/// really run in parallel.
/// </summary>
public sealed class EngineEquivalenceTests() : TestKit(ActorEngineOptions.Hocon(4))
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var name in TestScenarios.Names) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Actor_report_equals_sequential_report(string scenarioCase)
    {
        var scenario = Load(scenarioCase);
        var sequential = SequentialEngine.Run(scenario, TestScenarios.Programs);

        var actors = await ActorEngine.RunAsync(Sys, scenario, TestScenarios.Programs,
            options: new ActorEngineOptions { DispatcherThreads = 4, MaxServersInFlight = 3 });

        Assert.Equal(ReportJson.SimulationResultsJson(sequential), ReportJson.SimulationResultsJson(actors));
        Assert.Equal(ActorEngine.Kind, actors.Engine.Kind);
    }

    [Fact]
    public async Task Default_dispatcher_and_one_server_at_a_time_give_the_same_report()
    {
        var scenario = TestScenarios.Timeline();
        var wide = await ActorEngine.RunAsync(Sys, scenario, TestScenarios.Programs);
        var narrow = await ActorEngine.RunAsync(Sys, scenario, TestScenarios.Programs,
            options: new ActorEngineOptions { MaxServersInFlight = 1, Epoch = TimeSpan.FromMilliseconds(300) });

        Assert.Equal(ReportJson.SimulationResultsJson(wide), ReportJson.SimulationResultsJson(narrow));
    }

    [Fact]
    public void Same_seed_twice_gives_byte_identical_results_and_another_seed_does_not()
    {
        var scenario = TestScenarios.Mixed();
        var first = ActorEngine.Run(scenario, TestScenarios.Programs, options: new ActorEngineOptions { DispatcherThreads = 3 });
        var second = ActorEngine.Run(scenario, TestScenarios.Programs, options: new ActorEngineOptions { DispatcherThreads = 3 });
        var reseeded = ActorEngine.Run(scenario with { Seed = scenario.Seed + 1 }, TestScenarios.Programs);

        Assert.Equal(ReportJson.SimulationResultsJson(first), ReportJson.SimulationResultsJson(second));
        Assert.NotEqual(ReportJson.SimulationResultsJson(first), ReportJson.SimulationResultsJson(reseeded));
    }

    [Fact]
    public async Task Progress_reaches_every_server_second_of_every_arm()
    {
        var scenario = TestScenarios.Mixed();
        var seen = new List<RunProgress>();
        var progress = new SynchronousProgress(seen);
        await ActorEngine.RunAsync(Sys, scenario, TestScenarios.Programs, new RunSelection(null, progress));

        // 3 arms × 3 servers × 6 s = 54 server-seconds.
        var last = seen[^1];
        Assert.Equal(54, last.ServerSecondsTotal, 6);
        Assert.Equal(54, seen.Max(p => p.ServerSecondsDone), 6);
        Assert.All(scenario.Arms, arm => Assert.Contains(seen, p => p.Arm == arm.Name && p.ServersDone == 3));
    }

    private static Scenario Load(string scenarioCase) => TestScenarios.Get(scenarioCase);

    private sealed class SynchronousProgress(List<RunProgress> seen) : IProgress<RunProgress>
    {
        public void Report(RunProgress value)
        {
            lock (seen) seen.Add(value);
        }
    }
}
