using System.Text.Json;

namespace NumaActors.Host.Tests;

public sealed class BenchCommandTests : IDisposable
{
    private readonly TempDir dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void A_small_bench_writes_bench_json_with_both_engines_and_identical_results()
    {
        var run = CliRun.Of("bench", "--servers", "4", "--seconds", "2", "--out", dir.Of("bench"));

        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains("both engines gave identical results", run.Out);
        // Progress as run shows it, once per engine at least (a large fleet runs for an hour).
        Assert.True(run.Err.Split('\n').Count(l => l.StartsWith("progress: arm ", StringComparison.Ordinal)) >= 2, run.Err);
        using var doc = JsonDocument.Parse(File.ReadAllText(dir.Of("bench/bench.json")));
        var root = doc.RootElement;
        Assert.True(root.GetProperty("identical").GetBoolean());
        var runs = root.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(["actors", "sequential"], runs.Select(r => r.GetProperty("engine").GetString()).Order(StringComparer.Ordinal));
        foreach (var r in runs)
        {
            Assert.Equal(4, r.GetProperty("servers").GetInt32());
            Assert.Equal(2, r.GetProperty("seconds").GetInt32());
            foreach (var key in new[] { "wall_seconds", "server_seconds_per_wall_second", "peak_working_set_bytes", "bytes_per_task",
                         "tasks", "hint_faults_per_wall_second", "pages_migrated_per_wall_second" })
                Assert.True(r.GetProperty(key).GetDouble() > 0, key);
            // 4 servers × (2 caches × 8 + 2 webs × 4 + 1 batch × 16) tasks.
            Assert.Equal(4 * 40, r.GetProperty("tasks").GetInt64());
            Assert.Equal(JsonValueKind.Null, r.GetProperty("allocated_bytes").ValueKind); // not asked for
        }
        var ratio = Assert.Single(root.GetProperty("ratios").EnumerateArray());
        Assert.Equal(4, ratio.GetProperty("servers").GetInt32());
        Assert.True(ratio.GetProperty("actors_over_sequential").GetDouble() > 0);
    }

    [Fact]
    public void A_coarser_fault_grain_keeps_the_engines_identical_and_counts_the_same_scale_of_faults()
    {
        var exact = CliRun.Of("bench", "--servers", "2", "--seconds", "3", "--out", dir.Of("exact"));
        var grained = CliRun.Of("bench", "--servers", "2", "--seconds", "3", "--fault-grain", "64KiB", "--out", dir.Of("grain"));

        Assert.True(exact.ExitCode == 0, exact.Err);
        Assert.True(grained.ExitCode == 0, grained.Err);
        using var e = JsonDocument.Parse(File.ReadAllText(dir.Of("exact/bench.json")));
        using var g = JsonDocument.Parse(File.ReadAllText(dir.Of("grain/bench.json")));
        Assert.Equal(4096, e.RootElement.GetProperty("fault_grain_bytes").GetInt64());
        Assert.Equal(65536, g.RootElement.GetProperty("fault_grain_bytes").GetInt64());
        Assert.True(g.RootElement.GetProperty("identical").GetBoolean());
        // vmstat still counts base-page faults: the grain changes how they are drawn, not their scale.
        long exactFaults = e.RootElement.GetProperty("runs")[0].GetProperty("hint_faults").GetInt64();
        long grainedFaults = g.RootElement.GetProperty("runs")[0].GetProperty("hint_faults").GetInt64();
        Assert.True(exactFaults > 0);
        Assert.InRange((double)grainedFaults / exactFaults, 0.8, 1.25);
    }

    [Fact]
    public void One_engine_alone_runs_once_per_size_and_claims_no_comparison()
    {
        var run = CliRun.Of("bench", "--servers", "2", "--seconds", "1", "--engine", "actors", "--out", dir.Of("actors"));

        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains("results not compared", run.Out);
        using var doc = JsonDocument.Parse(File.ReadAllText(dir.Of("actors/bench.json")));
        var runs = doc.RootElement.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal("actors", Assert.Single(runs).GetProperty("engine").GetString());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("identical").ValueKind);
        Assert.Equal(0, doc.RootElement.GetProperty("ratios").GetArrayLength());

        Assert.Equal(2, CliRun.Of("bench", "--servers", "2", "--engine", "gpu", "--out", dir.Of("gpu")).ExitCode);
    }

    [Theory]
    [InlineData("6KiB")]
    [InlineData("4MiB")]
    [InlineData("lots")]
    public void A_fault_grain_that_is_not_whole_pages_within_a_region_is_bad_input(string grain)
    {
        var run = CliRun.Of("bench", "--servers", "2", "--seconds", "1", "--fault-grain", grain, "--out", dir.Of("bad"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--fault-grain", run.Err);
        Assert.False(File.Exists(dir.Of("bad/bench.json")));
    }

    [Fact]
    public void Several_sizes_give_a_ratio_each_and_a_fleet_of_one_is_bad_input()
    {
        Assert.Equal(2, CliRun.Of("bench", "--servers", "1", "--out", dir.Of("one")).ExitCode);
        Assert.False(File.Exists(dir.Of("one/bench.json")));

        var run = CliRun.Of("bench", "--servers", "2", "3", "--seconds", "1", "--out", dir.Of("two"));

        Assert.True(run.ExitCode == 0, run.Err);
        using var doc = JsonDocument.Parse(File.ReadAllText(dir.Of("two/bench.json")));
        Assert.Equal([2, 3], doc.RootElement.GetProperty("ratios").EnumerateArray().Select(r => r.GetProperty("servers").GetInt32()));
        Assert.Equal(4, doc.RootElement.GetProperty("runs").GetArrayLength());
    }

    [Fact]
    public void Servers_in_flight_bound_the_actor_engine_without_changing_its_results_and_zero_is_bad_input()
    {
        var run = CliRun.Of("bench", "--servers", "3", "--seconds", "2", "--servers-in-flight", "1", "--out", dir.Of("one-at-a-time"));

        Assert.True(run.ExitCode == 0, run.Err);
        using var doc = JsonDocument.Parse(File.ReadAllText(dir.Of("one-at-a-time/bench.json")));
        Assert.Equal(1, doc.RootElement.GetProperty("servers_in_flight").GetInt32());
        Assert.True(doc.RootElement.GetProperty("identical").GetBoolean());

        var sequential = CliRun.Of("bench", "--servers", "2", "--seconds", "1", "--engine", "sequential", "--out", dir.Of("sequential"));
        Assert.True(sequential.ExitCode == 0, sequential.Err);
        using var seq = JsonDocument.Parse(File.ReadAllText(dir.Of("sequential/bench.json")));
        Assert.Equal(JsonValueKind.Null, seq.RootElement.GetProperty("servers_in_flight").ValueKind);

        foreach (var command in new[] { "bench", "run" })
        {
            var bad = CliRun.Of(command, "--servers-in-flight", "0", "--out", dir.Of("bad-" + command));
            Assert.Equal(2, bad.ExitCode);
            Assert.Contains("--servers-in-flight: 0 must be at least 1", bad.Err);
        }
    }

    [Fact]
    public void Asked_to_count_allocations_bench_reports_what_each_engine_allocated()
    {
        var run = CliRun.Of("bench", "--servers", "2", "--seconds", "2", "--allocations", "--out", dir.Of("alloc"));

        Assert.True(run.ExitCode == 0, run.Err);
        using var doc = JsonDocument.Parse(File.ReadAllText(dir.Of("alloc/bench.json")));
        foreach (var r in doc.RootElement.GetProperty("runs").EnumerateArray())
        {
            // Both engines build report rows and fault lists: a run that allocated nothing was not counted.
            Assert.True(r.GetProperty("allocated_bytes").GetInt64() > 0, r.GetProperty("engine").GetString());
            Assert.Equal(r.GetProperty("allocated_bytes").GetInt64() / (2.0 * 2),
                r.GetProperty("allocated_bytes_per_server_second").GetDouble(), 0);
        }
    }
}
