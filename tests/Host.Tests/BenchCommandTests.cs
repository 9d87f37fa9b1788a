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
        }
        var ratio = Assert.Single(root.GetProperty("ratios").EnumerateArray());
        Assert.Equal(4, ratio.GetProperty("servers").GetInt32());
        Assert.True(ratio.GetProperty("actors_over_sequential").GetDouble() > 0);
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
}
