using NumaActors.Host.Import;
using NumaActors.Host.Running;
using NumaActors.Kernel.Scenarios;
using Xunit;

namespace NumaActors.Host.Tests.Import;

public sealed class OpenbImportTests
{
    private const string Nodes = "sn,cpu_milli,memory_mib,gpu,model\nsmall,32000,65536,0,\nbig,96000,393216,0,\n";

    // p-ls: 40 CPUs fits only 'big'; p-huge: 200 CPUs fits nowhere; p-be 4 CPUs; p-pending never bound.
    private const string Pods =
        "name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time\n" +
        "p-ls,40000,16384,0,0,,LS,Running,0,1000,0\n" +
        "p-huge,200000,1024,0,0,,BE,Failed,10,500,10\n" +
        "p-be,4000,2048,0,0,,BE,Succeeded,100,900,100\n" +
        "p-pending,1000,1024,0,0,,BE,Pending,100,200,\n";

    private static OpenbImportResult Import(string nodes = Nodes, string pods = Pods) =>
        OpenbImporter.Import("nodes.csv", nodes, "pods.csv", pods, new OpenbImportOptions(Duration: TimeSpan.FromSeconds(100)));

    [Fact]
    public void Hand_made_trace_validates_and_reports_the_pod_that_fits_nowhere()
    {
        var result = Import();
        Assert.Empty(result.Errors);
        var loaded = ScenarioLoader.LoadText(result.Yaml!, "openb.yaml", ".", Catalogs.Policies);
        Assert.Null(loaded.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error));
        var scenario = loaded.Scenario!;
        Assert.Equal("p-huge", Assert.Single(result.Summary!.Unplaceable).Pod.Name);
        Assert.Contains("#   p-huge (200000m, 1024 MiB, BE)", result.Yaml);
        Assert.Equal(1, result.Summary.NeverScheduled);
        // The 40-CPU LS pod exceeds 'small' (32 CPUs): it must be on 'big', with 40 tasks, latency sensitive.
        var ls = Assert.Single(scenario.Workloads, w => w.Tasks == 40);
        Assert.Equal("big", ls.Class);
        Assert.True(ls.LatencySensitive);
        Assert.Equal(AccessPattern.Zipf, ls.Access.Pattern);
        Assert.Equal(16L << 30, ls.MemoryBytes);
        Assert.Equal("/kubepods/ls/pod-40000m-16384mi", ls.CgroupTemplate);
        var be = Assert.Single(scenario.Workloads, w => w.Tasks == 4);
        Assert.False(be.LatencySensitive);
        Assert.Equal(AccessPattern.Uniform, be.Access.Pattern);
    }

    [Fact]
    public void Least_allocated_spreads_a_pod_to_the_emptier_node_and_churn_becomes_scale_events()
    {
        var scenario = ScenarioLoader.LoadText(Import().Yaml!, "openb.yaml", ".", Catalogs.Policies).Scenario!;
        // After p-ls, 'big' has 56/96 CPUs and 376/384 GiB free: score (58 + 97) / 2 = 77 with p-be;
        // 'small' with p-be: (87 + 96) / 2 = 91, so p-be goes to 'small'.
        Assert.Equal("small", Assert.Single(scenario.Workloads, w => w.Tasks == 4).Class);
        // Window [0, 1000) s in 100 s: 10 trace seconds per simulated second. p-be: starts at 100 s -> 10 s, ends 900 s -> 90 s.
        var be = scenario.Timeline.OfType<ScaleEvent>().Where(e => e.Workload.StartsWith("small-", StringComparison.Ordinal)).ToList();
        Assert.Equal([(TimeSpan.Zero, 0), (TimeSpan.FromSeconds(10), 1), (TimeSpan.FromSeconds(90), 0)],
            be.Select(e => (e.At, e.PerServer!.Value)).ToList());
    }

    [Fact]
    public void Preset_rule_follows_the_cpu_count()
    {
        Assert.Equal("amd-epyc-1s-nps2", PresetRule.PresetFor(new OpenbNode(0, "a", 32000, 262144)));
        Assert.Equal("intel-xeon-8480-2s", PresetRule.PresetFor(new OpenbNode(0, "b", 64000, 524288)));
        Assert.Equal("amd-epyc-9654-2s-nps4", PresetRule.PresetFor(new OpenbNode(0, "c", 96000, 393216)));
        Assert.Equal("amd-epyc-9654-2s-nps4", PresetRule.PresetFor(new OpenbNode(0, "d", 128000, 1048576)));
    }

    [Fact]
    public void Capacity_is_respected_when_two_pods_overlap()
    {
        // Two 20-CPU pods at once on one 32-CPU node: the second fits nowhere.
        const string nodes = "sn,cpu_milli,memory_mib\nonly,32000,65536\n";
        const string pods = "name,cpu_milli,memory_mib,qos,creation_time,deletion_time,scheduled_time\n" +
                            "a,20000,1024,BE,0,100,0\nb,20000,1024,BE,10,100,10\nc,20000,1024,BE,100,200,100\n";
        var result = Import(nodes, pods);
        Assert.Equal("b", Assert.Single(result.Summary!.Unplaceable).Pod.Name);
        // 'c' starts when 'a' is deleted (frees come first), so it is placed.
        Assert.Equal(2, result.Summary.Written);
    }

    [Fact]
    public void Output_is_byte_identical_across_runs()
    {
        using var dir = new TempDir();
        var nodes = dir.File("nodes.csv", Nodes);
        var pods = dir.File("pods.csv", Pods);
        var first = CliRun.Of("import", "openb", "--nodes", nodes, "--pods", pods, "--duration", "100s");
        var second = CliRun.Of("import", "openb", "--nodes", nodes, "--pods", pods, "--duration", "100s");
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Out, second.Out);
        Assert.Contains("unplaceable pods: 1 (first: p-huge)", first.Err);
    }

    [Fact]
    public void Bad_csv_exits_2_with_file_line_column_and_writes_nothing()
    {
        using var dir = new TempDir();
        var nodes = dir.File("nodes.csv", "sn,cpu_milli,memory_mib\nok,32000,65536\nbad,lots,65536\n");
        var pods = dir.File("pods.csv", "name,cpu_milli,memory_mib,qos,creation_time,deletion_time,scheduled_time\np,1000,1024,XX,0,10,0\n");
        var run = CliRun.Of("import", "openb", "--nodes", nodes, "--pods", pods, "--out", dir.Of("out.yaml"));
        Assert.Equal(2, run.ExitCode);
        // "bad,lots": cpu_milli starts at column 5 of line 3; "p,1000,1024,XX": qos at column 13 of line 2.
        Assert.Contains($"{nodes}:3:5: error: cpu_milli must be a whole number", run.Err);
        Assert.Contains($"{pods}:2:13: error: qos must be one of LS, BE, Burstable, Guaranteed, found 'XX'", run.Err);
        Assert.DoesNotContain("   at ", run.Err);
        Assert.False(File.Exists(dir.Of("out.yaml")));
    }

    [Fact]
    public void Missing_header_column_is_reported_at_line_1()
    {
        var result = Import("sn,cpu\na,1\n", Pods);
        Assert.Null(result.Yaml);
        Assert.StartsWith("nodes.csv:1:1: error: header lacks column(s) cpu_milli, memory_mib", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void The_shared_trace_imports_and_validates()
    {
        var nodes = OpenbTraceFiles.Find(OpenbTraceFiles.NodesFileName, RepoPaths.Root);
        var pods = OpenbTraceFiles.Find(OpenbTraceFiles.PodsFileName, RepoPaths.Root);
        Assert.True(nodes is not null && pods is not null,
            $"the OpenB trace must be in data/openb/ of the repository ({RepoPaths.Root})");
        using var dir = new TempDir();
        var run = CliRun.Of("import", "openb", "--nodes", nodes!, "--pods", pods!, "--out", dir.Of("openb.yaml"));
        Assert.Equal(0, run.ExitCode);
        var loaded = ScenarioLoader.Load(dir.Of("openb.yaml"), Catalogs.Policies);
        Assert.NotNull(loaded.Scenario);
        // Every node becomes a server: 1,523 in the node list.
        Assert.Equal(1523, loaded.Scenario!.Fleet.Sum(c => c.Count));
        Assert.Contains("unplaceable pods:", run.Err);
    }
}
