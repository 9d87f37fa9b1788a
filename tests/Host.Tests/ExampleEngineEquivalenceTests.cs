namespace NumaActors.Host.Tests;

/// <summary>
/// Every shipped example gives the same simulation results with the actor engine (several
/// dispatcher threads, servers in parallel) as with the sequential reference engine.
/// </summary>
public sealed class ExampleEngineEquivalenceTests : IDisposable
{
    private readonly TempDir dir = new();

    public static TheoryData<string, string?> Examples() => new()
    {
        // The timeline example runs whole: its attach, update, phase change and detach fall at 60–240 s.
        { "timeline.yaml", null },
        // The others run their first 30 s: setup, first scans, early-life migrations, placement.
        { "epyc-mixed.yaml", "30s" },
        { "tiered.yaml", "30s" },
        { "inline-topology.yaml", "30s" },
        // Both BPF objects through the interpreter in both engines; 10 s covers the first scans and migrations.
        { "bpf-demo.yaml", "10s" },
        // The decision example's sweep: five arms, per-arm hot thresholds on a tiered class.
        { "decide.yaml", "20s" },
    };

    [Fact]
    public void Every_example_is_covered()
    {
        var covered = Examples().Select(row => (string)row[0]).Order();
        var shipped = Directory.GetFiles(RepoPaths.Of("examples"), "*.yaml").Select(Path.GetFileName).Order();
        Assert.Equal(shipped, covered);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Actor_engine_report_equals_sequential_report(string example, string? duration)
    {
        var reports = new[] { "sequential", "actors" }.Select(engine =>
        {
            string[] args = ["run", RepoPaths.Of("examples", example), "--engine", engine, "--out", dir.Of(engine)];
            if (duration is not null) args = [.. args, "--duration", duration];
            var run = CliRun.Of(args);
            Assert.True(run.ExitCode == 0, run.Err);
            return ReportFile.SimulationResults(dir.Of($"{engine}/report.json"));
        }).ToArray();

        Assert.Equal(reports[0], reports[1]);
    }

    public void Dispose() => dir.Dispose();
}
