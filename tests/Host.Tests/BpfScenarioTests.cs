using System.Text.Json;
using NumaActors.Actors.Engine;
using NumaActors.Host.Running;
using NumaActors.Kernel.Fleet;
using NumaActors.Kernel.Reporting;
using NumaActors.Kernel.Scenarios;

namespace NumaActors.Host.Tests;

/// <summary>Scenarios whose policies are real BPF objects (kind: bpf), run through both engines and the CLI.</summary>
public sealed class BpfScenarioTests : IDisposable
{
    // One workload pinned to node 0 with its memory on node 1: every hinting fault is remote.
    private const string Fleet = """
        version: 1
        name: bpf
        seed: 5
        duration: DURATION
        fleet:
          - class: two
            count: SERVERS
            topology: { preset: test-2node }
            sysctl: { numa_balancing: 0, scan_delay: 500ms, scan_period_min: 500ms }
        workloads:
          - name: app
            class: two
            per_server: 1
            tasks: 2
            memory: 64MiB
            pin: [0]
            initial_memory: node:1
            access: { rate: 400000/s, pattern: uniform }
          - name: other
            class: two
            per_server: 1
            tasks: 1
            memory: 32MiB
            access: { rate: 100000/s, pattern: zipf, skew: 0.9 }
        outputs:
          timeseries_interval: 5s

        """;

    private readonly TempDir dir = new();

    public void Dispose() => dir.Dispose();

    private static string Scenario(int servers, int seconds, string rest) =>
        Fleet.Replace("DURATION", $"{seconds}s").Replace("SERVERS", servers.ToString(System.Globalization.CultureInfo.InvariantCulture)) + rest;

    private Scenario Load(string yaml)
    {
        var loaded = ScenarioLoader.Load(dir.File("s.yaml", yaml), Catalogs.Policies);
        Assert.True(loaded.Scenario is not null, string.Join("\n", loaded.Diagnostics));
        return loaded.Scenario!;
    }

    private static ArmReport Arm(SimulationReport report, string name) => report.Arms.Single(a => a.Name == name);

    [Fact]
    public void The_demo_object_gives_the_same_report_as_the_equivalent_static_policy_in_both_engines()
    {
        var scenario = Load(Scenario(2, 20, $$"""
            policies:
              - { name: app-bpf, kind: bpf, object: "{{BpfObjects.Demo}}", attach: { workload: app } }
              - { name: app-static, kind: static, params: { enabled: true, hot_threshold: 500ms }, attach: { workload: app } }
            arms:
              - { name: bpf, policies: [app-bpf] }
              - { name: static, policies: [app-static] }
            """));

        var sequential = SequentialEngine.Run(scenario, Catalogs.Programs);
        var bpf = Arm(sequential, "bpf");
        var app = bpf.Workloads.Single(w => w.Name == "app");
        Assert.True(app.BalancingEnabled);
        Assert.True(app.Vmstat.NumaPagesMigrated > 0, "the demo turned balancing on and pages moved");

        var asStatic = Arm(sequential, "static");
        Assert.Equal(Figures(asStatic), Figures(bpf));
        Assert.Equal(ReportJson.SimulationResultsJson(sequential), ReportJson.SimulationResultsJson(ActorEngine.Run(scenario, Catalogs.Programs)));
    }

    /// <summary>Everything an arm reports but its name (the events name the policy).</summary>
    private static string Figures(ArmReport arm) => JsonSerializer.Serialize(new
    {
        arm.Fleet,
        arm.Workloads,
        Timeseries = arm.Timeseries.Select(r => r with { Arm = "" }),
    });

    [Fact]
    public void The_stateful_example_turns_balancing_on_only_after_its_threshold_of_remote_faults()
    {
        // 0-10 s: the policy decides and has seen no faults: off. 10-20 s: numa_balancing=1 for
        // everyone (the hook is not asked) and remote faults pile up. From 20 s the policy decides
        // again: the low threshold has been passed and balancing stays on; the high one has not.
        // (By 20 s a fifth of the faults are remote: min_remote_pct is lowered from its 30 %.)
        var scenario = Load(Scenario(1, 30, $$"""
            policies:
              - { name: low, kind: bpf, object: "{{BpfObjects.RemoteFaults}}", params: { min_remote_faults: 1000, min_remote_pct: 10 }, attach: { workload: app } }
              - { name: high, kind: bpf, object: "{{BpfObjects.RemoteFaults}}", params: { min_remote_faults: 1000000000, min_remote_pct: 10 }, attach: { workload: app } }
            arms:
              - { name: low, policies: [low] }
              - { name: high, policies: [high] }
            timeline:
              - { at: 10s, sysctl: { numa_balancing: 1 } }
              - { at: 20s, sysctl: { numa_balancing: 0 } }
            """));
        var report = SequentialEngine.Run(scenario, Catalogs.Programs);

        var low = HintFaultsPerInterval(Arm(report, "low"));
        var high = HintFaultsPerInterval(Arm(report, "high"));
        Assert.Equal([0, 0], low[..2]);
        Assert.Equal([0, 0], high[..2]);
        Assert.True(low[2] > 0 && high[2] > 0, "numa_balancing=1 scans every task");
        var remoteBy20s = Arm(report, "low").Timeseries.Single(r => r.Workload == "app" && r.TSeconds == 20).Vmstat;
        Assert.True(remoteBy20s.NumaHintFaults - remoteBy20s.NumaHintFaultsLocal >= 1000, "the threshold was reached by 20 s");
        Assert.True(low[^1] > 0, "past its threshold the policy keeps balancing on");
        Assert.Equal(0, high[^1]);

        // The policy's bpf_printk when it switches on is in the report's events.
        var printk = Assert.Single(Arm(report, "low").Events, e => e.Kind == "printk");
        Assert.Equal("low -> app", printk.Target);
        Assert.InRange(printk.TSeconds, 20, 21);
        Assert.Matches(@"^1 line\(s\); server 0: numab: cgroup \d+ balancing on, \d+ remote faults$", printk.Detail);
        Assert.DoesNotContain(Arm(report, "high").Events, e => e.Kind == "printk");
        Assert.Equal(ReportJson.SimulationResultsJson(report), ReportJson.SimulationResultsJson(ActorEngine.Run(scenario, Catalogs.Programs)));
    }

    /// <summary>The app's hinting faults in each 5 s interval, from the cumulative vmstat rows.</summary>
    private static long[] HintFaultsPerInterval(ArmReport arm)
    {
        var rows = arm.Timeseries.Where(r => r.Workload == "app").OrderBy(r => r.TSeconds).ToList();
        return [.. rows.Skip(1).Select((r, i) => r.Vmstat.NumaHintFaults - rows[i].Vmstat.NumaHintFaults)];
    }

    [Fact]
    public void A_hostile_object_is_a_located_scenario_error_with_the_loaders_message()
    {
        File.WriteAllBytes(dir.Of("bad.o"), BpfObjects.WritesR10());
        var path = dir.File("s.yaml", Scenario(1, 10, """
            policies:
              - name: app-bad
                kind: bpf
                object: bad.o
                attach: { workload: app }
            """));

        foreach (var run in new[] { CliRun.Of("validate", path), CliRun.Of("run", path, "--out", dir.Of("out")) })
        {
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("s.yaml:30:", run.Err);
            Assert.Contains("policy 'app-bad' (bpf) object bad.o: program 'numab_hook' insn 0: write to r10, the read-only frame pointer", run.Err);
        }
        Assert.False(Directory.Exists(dir.Of("out")));
    }

    [Fact]
    public void An_objects_own_cgroup_id_is_a_warning_and_the_scenarios_attach_decides()
    {
        // numab_maps.o registers its ops with cgroup_id = 1234.
        var maps = RepoPaths.Of("tests", "Policies.Tests", "Fixtures", "bpf", "numab_maps.o");
        var run = CliRun.Of("validate", dir.File("s.yaml", Scenario(1, 10, $$"""
            policies:
              - { name: maps, kind: bpf, object: "{{maps}}", attach: { workload: app } }
            """)));
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains("warning: policy 'maps' (bpf) object numab_maps.o: struct_ops 'numab_ops' names cgroup id 1234; ignored, the scenario's attach decides the cgroup", run.Err);
    }

    [Fact]
    public void Params_must_be_integers_that_name_rodata_variables()
    {
        var path = dir.File("s.yaml", Scenario(1, 10, $$"""
            policies:
              - { name: tuned, kind: bpf, object: "{{BpfObjects.RemoteFaults}}", params: { min_remote_pct: 50, no_such_knob: 1 }, attach: { workload: app } }
            """));
        var run = CliRun.Of("validate", path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no .rodata variable named 'no_such_knob' to set (ENOENT)", run.Err);

        var word = CliRun.Of("validate", dir.File("s.yaml", Scenario(1, 10, $$"""
            policies:
              - { name: tuned, kind: bpf, object: "{{BpfObjects.RemoteFaults}}", params: { min_remote_pct: lots }, attach: { workload: app } }
            """)));
        Assert.Equal(2, word.ExitCode);
        Assert.Contains("parameter 'min_remote_pct': 'lots' is not an integer", word.Err);

        // A timeline update's parameters are new .rodata values: the object must load with them too.
        var update = CliRun.Of("validate", dir.File("s.yaml", Scenario(1, 10, $$"""
            policies:
              - { name: tuned, kind: bpf, object: "{{BpfObjects.RemoteFaults}}", attach: { workload: app } }
            timeline:
              - { at: 5s, update: { policy: tuned, params: { min_remote_faults: 10, typo_knob: 1 } } }
            """)));
        Assert.Equal(2, update.ExitCode);
        Assert.Contains("s.yaml:30:", update.Err);
        Assert.Contains("no .rodata variable named 'typo_knob' to set (ENOENT)", update.Err);
    }

    [Fact]
    public void A_program_that_faults_at_run_time_is_detached_with_an_event_and_the_run_goes_on()
    {
        File.WriteAllBytes(dir.Of("faulty.o"), BpfObjects.ReadsPastContext());
        var yaml = Scenario(1, 10, """
            policies:
              - { name: app-faulty, kind: bpf, object: faulty.o, attach: { workload: app } }
            """);
        var path = dir.File("s.yaml", yaml);
        Assert.Equal(0, CliRun.Of("validate", path).ExitCode);

        var run = CliRun.Of("run", path, "--engine", "sequential", "--out", dir.Of("out"));
        Assert.True(run.ExitCode == 0, run.Err);
        using var report = JsonDocument.Parse(File.ReadAllText(dir.Of("out/report.json")));
        var arm = report.RootElement.GetProperty("arms")[0];
        var fault = Assert.Single(arm.GetProperty("events").EnumerateArray(), e => e.GetProperty("kind").GetString() == "fault");
        Assert.Equal("app-faulty -> app", fault.GetProperty("target").GetString());
        Assert.StartsWith("detached from 1 cgroup(s); server 0: BPF policy 'app-faulty' faulted at 0 ns", fault.GetProperty("detail").GetString());
        var app = arm.GetProperty("workloads").EnumerateArray().Single(w => w.GetProperty("name").GetString() == "app");
        Assert.Equal(0, app.GetProperty("vmstat").GetProperty("numa_hint_faults").GetInt64());

        var scenario = Load(yaml);
        Assert.Equal(ReportJson.SimulationResultsJson(SequentialEngine.Run(scenario, Catalogs.Programs)),
            ReportJson.SimulationResultsJson(ActorEngine.Run(scenario, Catalogs.Programs)));
    }
}
