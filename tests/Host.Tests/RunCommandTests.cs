using System.Text.Json;
using NumaActors.Kernel.Reporting;

namespace NumaActors.Host.Tests;

public sealed class RunCommandTests : IDisposable
{
    // Two small servers; one workload pinned to node 0 with its memory on node 1, two arms.
    private const string Scenario = """
        version: 1
        name: small-run
        seed: 11
        duration: 6s
        fleet:
          - class: two
            count: 2
            topology: { preset: test-2node }
        workloads:
          - name: app
            class: two
            per_server: 1
            tasks: 1
            memory: 64MiB
            pin: [0]
            initial_memory: node:1
            access: { rate: 200000/s, pattern: uniform }
          - name: cache
            class: two
            per_server: 1
            tasks: 2
            memory: 32MiB
            access: { rate: 100000/s, pattern: zipf, skew: 0.9 }
            latency_sensitive: true
        arms:
          - { name: off }
          - { name: global, sysctl: { numa_balancing: 1 } }
        outputs:
          timeseries_interval: 2s
        """;

    private readonly TempDir dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Writes_the_report_the_contract_describes()
    {
        var run = CliRun.Of("run", dir.File("s.yaml", Scenario), "--out", dir.Of("out"));
        Assert.True(run.ExitCode == 0, run.Err);

        using var report = JsonDocument.Parse(File.ReadAllText(dir.Of("out/report.json")));
        var root = report.RootElement;
        Assert.Equal(1, root.GetProperty("schema").GetInt32());
        Assert.Equal("small-run", root.GetProperty("scenario").GetString());
        Assert.Equal(11UL, root.GetProperty("seed").GetUInt64());
        Assert.Equal(6, root.GetProperty("simulated_seconds").GetDouble());
        Assert.Equal("actors", root.GetProperty("engine").GetProperty("kind").GetString());
        var arms = root.GetProperty("arms").EnumerateArray().ToList();
        Assert.Equal(["off", "global"], arms.Select(a => a.GetProperty("name").GetString()));
        foreach (var arm in arms)
        {
            var fleet = arm.GetProperty("fleet");
            Assert.Equal(2, fleet.GetProperty("servers").GetInt32());
            foreach (var key in new[] { "numa_pte_updates", "numa_hint_faults", "numa_hint_faults_local", "numa_pages_migrated",
                         "pgpromote_success", "pgpromote_candidate", "pgdemote_kswapd", "numa_task_migrated", "numa_task_swapped" })
                Assert.True(fleet.GetProperty("vmstat").TryGetProperty(key, out _), key);
            var app = arm.GetProperty("workloads").EnumerateArray().First(w => w.GetProperty("name").GetString() == "app");
            Assert.Equal(2, app.GetProperty("instances").GetInt32());
            foreach (var key in new[] { "start", "end", "mean" })
                Assert.InRange(app.GetProperty("local_access_ratio").GetProperty(key).GetDouble(), 0, 1);
        }

        // Balancing off: nothing moves and the pinned app stays remote; on: its pages come to node 0.
        var off = Workload(arms[0], "app");
        var on = Workload(arms[1], "app");
        Assert.Equal(0, off.GetProperty("vmstat").GetProperty("numa_pages_migrated").GetInt64());
        Assert.False(off.GetProperty("balancing_enabled").GetBoolean());
        Assert.True(on.GetProperty("vmstat").GetProperty("numa_pages_migrated").GetInt64() > 0);
        Assert.True(on.GetProperty("local_access_ratio").GetProperty("end").GetDouble() >
                    off.GetProperty("local_access_ratio").GetProperty("end").GetDouble());
    }

    [Fact]
    public void Timeseries_has_the_contract_header_and_a_row_per_arm_workload_and_interval()
    {
        var run = CliRun.Of("run", dir.File("s.yaml", Scenario), "--out", dir.Of("out"));
        Assert.True(run.ExitCode == 0, run.Err);

        var lines = File.ReadAllLines(dir.Of("out/timeseries.csv"));
        Assert.StartsWith("arm,workload,t_seconds,local_access_ratio,mean_access_latency_ns,balancing_cpu_share,stall_ms_p99,stall_ms_max,numa_pte_updates,", lines[0]);
        Assert.EndsWith(",pages_on_node_0,pages_on_node_1", lines[0]);
        // 2 arms × (2 workloads + fleet '*') × rows at t = 0, 2, 4, 6 s.
        Assert.Equal(2 * 3 * 4, lines.Length - 1);
        Assert.Contains(lines, l => l.StartsWith("global,*,0,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("off,app,6,", StringComparison.Ordinal));
        var columns = lines[0].Split(',').Length;
        Assert.All(lines, l => Assert.Equal(columns, l.Split(',').Length));
        // Every row of 'app' holds its 64 MiB on the two nodes: 2 servers × 16,384 pages.
        var pages = lines.Skip(1).Where(l => l.Split(',')[1] == "app")
            .Select(l => l.Split(',')[^2..].Sum(long.Parse));
        Assert.All(pages, p => Assert.Equal(2 * 16_384, p));
    }

    [Fact]
    public void Same_seed_twice_gives_identical_results()
    {
        var path = dir.File("s.yaml", Scenario);
        Assert.Equal(0, CliRun.Of("run", path, "--out", dir.Of("a")).ExitCode);
        Assert.Equal(0, CliRun.Of("run", path, "--out", dir.Of("b")).ExitCode);

        Assert.Equal(ReportFile.SimulationResults(dir.Of("a/report.json")), ReportFile.SimulationResults(dir.Of("b/report.json")));
        Assert.Equal(File.ReadAllText(dir.Of("a/timeseries.csv")), File.ReadAllText(dir.Of("b/timeseries.csv")));
    }

    [Fact]
    public void One_arm_on_request_and_overrides_of_seed_and_duration()
    {
        var run = CliRun.Of("run", dir.File("s.yaml", Scenario), "--out", dir.Of("out"), "--arm", "global", "--seed", "5", "--duration", "2s");
        Assert.True(run.ExitCode == 0, run.Err);

        using var report = JsonDocument.Parse(File.ReadAllText(dir.Of("out/report.json")));
        Assert.Equal(5UL, report.RootElement.GetProperty("seed").GetUInt64());
        Assert.Equal(2, report.RootElement.GetProperty("simulated_seconds").GetDouble());
        Assert.Equal(["global"], report.RootElement.GetProperty("arms").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
    }

    [Fact]
    public void Bad_input_exits_2_and_leaves_no_output_behind()
    {
        var broken = dir.File("broken.yaml", Scenario.Replace("memory: 64MiB", "memory: 64Mb"));

        var run = CliRun.Of("run", broken, "--out", dir.Of("out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"broken\.yaml:\d+:\d+: error: .*64Mb", run.Err);
        Assert.False(Directory.Exists(dir.Of("out")));
    }

    [Fact]
    public void An_unknown_arm_is_bad_input()
    {
        var run = CliRun.Of("run", dir.File("s.yaml", Scenario), "--out", dir.Of("out"), "--arm", "selective");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("selective", run.Err);
        Assert.Contains("off, global", run.Err);
        Assert.False(Directory.Exists(dir.Of("out")));
    }

    [Fact]
    public void A_duration_that_is_not_whole_ticks_is_bad_input()
    {
        var run = CliRun.Of("run", dir.File("s.yaml", Scenario), "--out", dir.Of("out"), "--duration", "150ms");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("whole number of ticks", run.Err);
    }

    [Fact]
    public void The_embedded_default_scenario_runs()
    {
        var run = CliRun.Of("run", "--out", dir.Of("default"), "--duration", "5s");

        Assert.True(run.ExitCode == 0, run.Err);
        Assert.True(File.Exists(dir.Of("default/report.json")));
        Assert.True(File.Exists(dir.Of("default/report.html")));
        Assert.Contains("server-seconds per wall second", run.Out);
    }

    private static JsonElement Workload(JsonElement arm, string name) =>
        arm.GetProperty("workloads").EnumerateArray().First(w => w.GetProperty("name").GetString() == name);
}
