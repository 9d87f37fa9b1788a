using System.Net;
using System.Net.Sockets;
using NumaActors.Host.Metrics;
using NumaActors.Host.Running;
using NumaActors.Kernel.Fleet;
using NumaActors.Kernel.Reporting;
using NumaActors.Kernel.Scenarios;

namespace NumaActors.Host.Tests;

/// <summary>run --metrics-port: what a Prometheus scrape gets is valid text format with the kernel's vmstat names.</summary>
public sealed class MetricsEndpointTests
{
    private const string Scenario = """
        version: 1
        name: metrics
        seed: 3
        duration: 4s
        fleet:
          - { class: two, count: 1, topology: { preset: test-2node } }
        workloads:
          - { name: app, class: two, per_server: 1, tasks: 1, memory: 64MiB, pin: [0], initial_memory: "node:1", access: { rate: 200000/s, pattern: uniform } }
        arms:
          - { name: off }
          - { name: "on", sysctl: { numa_balancing: 1 } }
        outputs:
          timeseries_interval: 2s
        """;

    private static Scenario Load() =>
        ScenarioLoader.LoadText(Scenario, "metrics.yaml", ".", Catalogs.Policies).Scenario
        ?? throw new InvalidOperationException("test scenario does not load");

    [Theory]
    [InlineData("sequential")]
    [InlineData("actors")]
    public void Each_engine_hands_over_every_arm_as_soon_as_it_is_done(string engine)
    {
        var scenario = Load();
        var arms = new List<ArmReport>();
        var selection = new RunSelection { ArmCompleted = a => { lock (arms) arms.Add(a); } };

        var report = engine == "sequential"
            ? SequentialEngine.Run(scenario, Catalogs.Programs, selection)
            : NumaActors.Actors.Engine.ActorEngine.Run(scenario, Catalogs.Programs, selection);

        Assert.Equal(["off", "on"], arms.Select(a => a.Name).Order());
        foreach (var arm in report.Arms)
            Assert.Equal(arm.Fleet, arms.Single(a => a.Name == arm.Name).Fleet);
    }

    [Fact]
    public async Task A_scrape_parses_as_prometheus_text_with_fleet_and_workload_vmstat_counters()
    {
        var scenario = Load();
        var metrics = new RunMetrics("metrics");
        var report = SequentialEngine.Run(scenario, Catalogs.Programs, new RunSelection(Progress: new Sync(metrics.Report)) { ArmCompleted = metrics.ArmCompleted });
        var port = FreePort();

        string body;
        HttpStatusCode missing;
        string? contentType;
        using (new MetricsEndpoint(port, metrics))
        using (var http = new HttpClient())
        {
            var response = await http.GetAsync($"http://localhost:{port}/metrics");
            contentType = response.Content.Headers.ContentType?.ToString();
            body = await response.Content.ReadAsStringAsync();
            missing = (await http.GetAsync($"http://localhost:{port}/other")).StatusCode;
        }

        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.StartsWith("text/plain; version=0.0.4", contentType);
        var (types, samples) = PrometheusTextParser.Parse(body);
        Assert.Equal("counter", types["numa_actors_vmstat_numa_pages_migrated"]);
        Assert.Equal("gauge", types["numa_actors_local_access_ratio"]);
        var on = report.Arms.Single(a => a.Name == "on");
        var fleet = samples.Single(s => s.Name == "numa_actors_vmstat_numa_pages_migrated" && s.Labels["arm"] == "on" && s.Labels["workload"] == "*");
        Assert.Equal(on.Fleet.Vmstat.NumaPagesMigrated, fleet.Value);
        Assert.True(fleet.Value > 0);
        var app = samples.Single(s => s.Name == "numa_actors_vmstat_numa_hint_faults" && s.Labels["arm"] == "on" && s.Labels["workload"] == "app");
        Assert.Equal(on.Workloads.Single().Vmstat.NumaHintFaults, app.Value);
        Assert.Equal(8, samples.Single(s => s.Name == "numa_actors_server_seconds_total").Value);
        Assert.All(samples, s => Assert.Equal("metrics", s.Labels["scenario"]));
    }

    [Fact]
    public void The_parser_rejects_what_is_not_text_format()
    {
        Assert.Throws<FormatException>(() => PrometheusTextParser.Parse("metric{a=\"unclosed} 1\n"));
        Assert.Throws<FormatException>(() => PrometheusTextParser.Parse("metric 1,5\n"));
        Assert.Throws<FormatException>(() => PrometheusTextParser.Parse("a 1\nb 1\na 2\n"));
        Assert.Throws<FormatException>(() => PrometheusTextParser.Parse("# TYPE a flavour\na 1\n"));
    }

    [Fact]
    public void A_port_out_of_range_is_bad_input()
    {
        var run = CliRun.Of("run", "--metrics-port", "70000");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--metrics-port", run.Err);
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>IProgress that reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool).</summary>
    private sealed class Sync(Action<RunProgress> report) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => report(value);
    }
}
