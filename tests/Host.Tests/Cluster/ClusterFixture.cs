using System.Text.Json.Nodes;

namespace NumaActors.Host.Tests.Cluster;

/// <summary>
/// What the cluster tests share: a fleet of 200 tiny servers (one two-task workload, 24 s simulated; the long one, 240 s, runs long enough to kill or add a member while it goes), the
/// cluster's certificate and a stranger's, and the one-process <c>run</c> results every cluster run
/// must reproduce byte for byte (report without its engine block, and the time series).
/// </summary>
public sealed class ClusterFixture : IDisposable
{
    public const string Password = "test-secret";

    private const string ScenarioText = """
        version: 1
        name: cluster-fleet
        seed: 5
        duration: 24s
        fleet:
          - class: tiny
            count: 200
            topology: { preset: test-2node }
            sysctl: { numa_balancing: 1 }
        workloads:
          - name: app
            class: tiny
            per_server: 1
            tasks: 2
            memory: 16MiB
            pin: [0]
            initial_memory: node:1
            access: { rate: 100000/s, pattern: zipf, skew: 0.9 }
        outputs:
          timeseries_interval: 1s
        """;

    public ClusterFixture()
    {
        Scenario = Dir.File("fleet.yaml", ScenarioText);
        LongScenario = Dir.File("long-fleet.yaml", ScenarioText.Replace("duration: 24s", "duration: 240s", StringComparison.Ordinal));
        Certificate = TestCertificates.Create(Dir.Of("cluster.pfx"), "numa-actors-cluster", Password);
        StrangerCertificate = TestCertificates.Create(Dir.Of("stranger.pfx"), "numa-actors-cluster", Password);
        var run = CliRun.Of("run", Scenario, "--out", Dir.Of("one-process"));
        if (run.ExitCode != 0) throw new InvalidOperationException($"the one-process run failed: {run.Err}");
        OneProcessResults = Results(Dir.Of("one-process"));
        run = CliRun.Of("run", LongScenario, "--out", Dir.Of("one-process-long"));
        if (run.ExitCode != 0) throw new InvalidOperationException($"the one-process run failed: {run.Err}");
        LongOneProcessResults = Results(Dir.Of("one-process-long"));
    }

    public TempDir Dir { get; } = new();
    public string Scenario { get; }
    /// <summary>The same fleet for 240 s: a run long enough for a worker started after it began to join and take shards.</summary>
    public string LongScenario { get; }
    public (string Report, string Timeseries) LongOneProcessResults { get; }
    public string Certificate { get; }
    public string StrangerCertificate { get; }
    public (string Report, string Timeseries) OneProcessResults { get; }

    /// <summary>report.json without the engine block (the only part allowed to differ), and timeseries.csv.</summary>
    public static (string Report, string Timeseries) Results(string outDir)
    {
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")))!.AsObject();
        report.Remove("engine");
        return (report.ToJsonString(), File.ReadAllText(Path.Combine(outDir, "timeseries.csv")));
    }

    public void Dispose() => Dir.Dispose();
}
