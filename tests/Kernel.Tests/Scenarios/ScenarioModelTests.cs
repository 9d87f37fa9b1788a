using NumaActors.Kernel.Hooks;
using NumaActors.Kernel.Knobs;
using NumaActors.Kernel.Scenarios;

namespace NumaActors.Kernel.Tests.Scenarios;

/// <summary>What the loader puts in the model: units converted, defaults filled in, every event type kept.</summary>
public class ScenarioModelTests
{
    [Fact]
    public void Defaults_apply_when_optional_keys_are_absent()
    {
        var s = ScenarioTexts.LoadOk(ScenarioTexts.Valid);

        Assert.Equal(TimeSpan.FromMilliseconds(100), s.Tick);
        Assert.Equal(2L * 1024 * 1024, s.RegionSizeBytes);
        Assert.Equal(HookResolution.Leaf, s.HookResolution);
        Assert.Equal(TimeSpan.FromSeconds(10), s.Outputs.TimeseriesInterval);
        Assert.Equal(600, s.TickCount); // 60 s / 100 ms
        var w = Assert.Single(s.Workloads);
        Assert.Equal("/workloads/cache", w.CgroupTemplate);
        Assert.Equal(InitialMemoryKind.FirstTouch, w.InitialMemory.Kind);
        Assert.Null(w.Cpuset);
        Assert.False(w.LatencySensitive);
        Assert.Equal(0.99, w.Access.Skew); // zipf default exponent
        Assert.Equal(0, w.Access.Shared);
        var cls = Assert.Single(s.Fleet);
        Assert.Equal(NumaBalancingKnobs.KernelDefaults, cls.Knobs);
        Assert.Equal(ClassCosts.None, cls.Costs);
        var arm = Assert.Single(s.Arms);
        Assert.Equal("default", arm.Name);
        Assert.Null(arm.PolicyNames);
    }

    [Fact]
    public void Units_are_converted_through_the_model()
    {
        var yaml = ScenarioTexts.Valid
            .Replace("duration: 60s", "duration: 2m\ntick: 250ms\nregion_size: 512KiB\noutputs: { timeseries_interval: 5s }")
            .Replace("memory: 4GiB", "memory: 1536MiB")
            .Replace("rate: 1000000/s", "rate: 3000/ms")
            .Replace("    count: 2\n", """
                    count: 2
                    sysctl:
                      numa_balancing: 3
                      scan_delay: 2s
                      scan_period_min: 500ms
                      scan_period_max: 1m
                      scan_size: 1GiB
                      hot_threshold: 1500ms
                      promote_rate_limit: 1GiB/s
                    costs: { pte_update: 100ns, hint_fault: 1500ns, migrate_page: 12us }

                """);
        var s = ScenarioTexts.LoadOk(yaml);

        Assert.Equal(TimeSpan.FromMinutes(2), s.Duration);
        Assert.Equal(TimeSpan.FromMilliseconds(250), s.Tick);
        Assert.Equal(512L * 1024, s.RegionSizeBytes);
        Assert.Equal(TimeSpan.FromSeconds(5), s.Outputs.TimeseriesInterval);
        Assert.Equal(1536L * 1024 * 1024, s.Workloads[0].MemoryBytes);
        Assert.Equal(3_000_000, s.Workloads[0].Access.RatePerSecond); // 3000 per ms
        var k = s.Fleet[0].Knobs;
        Assert.Equal(NumaBalancingMode.NormalAndTiering, k.Mode);
        Assert.Equal(2000u, k.ScanDelayMs);
        Assert.Equal(500u, k.ScanPeriodMinMs);
        Assert.Equal(60000u, k.ScanPeriodMaxMs);
        Assert.Equal(1024u, k.ScanSizeMb);
        Assert.Equal(1500u, k.HotThresholdMs);
        Assert.Equal(1024u, k.PromoteRateLimitMBps);
        Assert.Equal(new ClassCosts(TimeSpan.FromTicks(1), TimeSpan.FromTicks(15), TimeSpan.FromMicroseconds(12)), s.Fleet[0].Costs);
    }

    [Fact]
    public void Machine_comes_from_the_inline_nodes()
    {
        var m = ScenarioTexts.LoadOk(ScenarioTexts.Valid).Fleet[0].Machine;

        Assert.Equal(3, m.NodeCount);
        Assert.Equal(16, m.TotalCpus);
        Assert.Equal(64L << 30, m.TotalMemoryBytes); // 16 + 16 + 32 GiB
        Assert.Equal(Topology.MemoryTier.Slow, m.Nodes[2].Tier);
        Assert.Equal(30, m.Distance(0, 2));
    }

    [Fact]
    public void Workload_placement_keys_reach_the_model()
    {
        var yaml = ScenarioTexts.Valid.Replace("    per_server: 1\n", """
                servers: 1
                cgroup: /kubepods/burstable/cache
                cpuset: [0, 1]
                pin: [1]
                initial_memory: node:2
                latency_sensitive: true

            """).Replace("pattern: zipf", "pattern: hotset, skew: 0.05, shared: 0.3");
        var w = ScenarioTexts.LoadOk(yaml).Workloads[0];

        Assert.Null(w.PerServer);
        Assert.Equal(1, w.Servers);
        Assert.Equal("/kubepods/burstable/cache", w.CgroupTemplate);
        Assert.Equal([0, 1], w.Cpuset!.Value.ToArray());
        Assert.Equal([1], w.Pin!.Value.ToArray());
        Assert.Equal(new InitialMemory(InitialMemoryKind.Node, 2), w.InitialMemory);
        Assert.Equal(new AccessModel(1_000_000, AccessPattern.Hotset, 0.05, 0.3), w.Access);
        Assert.True(w.LatencySensitive);
    }

    [Fact]
    public void Policies_timeline_and_arms_reach_the_model()
    {
        var yaml = ScenarioTexts.Valid + """
            policies:
              - { name: cache-on, kind: static, params: { enabled: true, hot_threshold: 500ms }, attach: { workload: cache, hierarchical: true } }
              - { name: later, kind: always }
            timeline:
              - { at: 40s, update: { policy: cache-on, params: { hot_threshold: 200ms } } }
              - { at: 10s, detach: { policy: cache-on, workload: cache } }
              - { at: 20s, attach: { policy: later, workload: cache } }
              - { at: 30s, sysctl: { numa_balancing: 2 } }
              - { at: 45s, scale: { workload: cache, per_server: 0 } }
              - { at: 50s, phase: { workload: cache, access: { pattern: uniform } } }
            hook_resolution: nearest
            arms:
              - { name: off }
              - { name: global, sysctl: { numa_balancing: 1 } }
              - { name: selective, policies: [cache-on] }

            """;
        var s = ScenarioTexts.LoadOk(yaml);

        Assert.Equal(HookResolution.Nearest, s.HookResolution);
        var p = s.Policies[0];
        Assert.Equal(new PolicyAttach("cache", Hierarchical: true), p.Attach);
        Assert.Equal("500ms", p.Params["hot_threshold"]);
        Assert.Null(s.Policies[1].Attach);

        // File order is kept; the engine applies each at the first tick at or after `at`.
        Assert.Collection(s.Timeline,
            e => Assert.Equal("200ms", Assert.IsType<UpdatePolicyEvent>(e).MergedParams["hot_threshold"]),
            e => Assert.Equal(new DetachPolicyEvent(TimeSpan.FromSeconds(10), "cache-on", "cache"), e),
            e => Assert.Equal(new AttachPolicyEvent(TimeSpan.FromSeconds(20), "later", "cache"), e),
            e => Assert.Equal(new SysctlEvent(TimeSpan.FromSeconds(30), null, new SysctlOverrides(Mode: NumaBalancingMode.MemoryTiering)), e),
            e => Assert.Equal(new ScaleEvent(TimeSpan.FromSeconds(45), "cache", 0, null), e),
            e => Assert.Equal(new PhaseEvent(TimeSpan.FromSeconds(50), "cache", new AccessChange(Pattern: AccessPattern.Uniform)), e));
        var update = (UpdatePolicyEvent)s.Timeline[0];
        Assert.Equal("true", update.MergedParams["enabled"]); // unchanged parameters carry over
        Assert.False(update.Params.ContainsKey("enabled"));

        Assert.Equal(["off", "global", "selective"], s.Arms.Select(a => a.Name));
        Assert.Empty(s.AttachedPolicies(s.Arms[0]));
        Assert.Equal(NumaBalancingMode.Normal, s.Arms[1].Sysctl.Mode);
        Assert.Equal(["cache-on"], s.AttachedPolicies(s.Arms[2]).Select(x => x.Name));
    }

    [Fact]
    public void Without_arms_the_default_arm_attaches_every_policy_with_an_attach()
    {
        var yaml = ScenarioTexts.Valid + """
            policies:
              - { name: cache-on, kind: always, attach: { workload: cache } }
              - { name: spare, kind: never }

            """;
        var s = ScenarioTexts.LoadOk(yaml);

        Assert.Equal(["cache-on"], s.AttachedPolicies(Assert.Single(s.Arms)).Select(p => p.Name));
    }

    [Fact]
    public void A_bpf_policy_object_is_resolved_against_the_scenario_directory()
    {
        var dir = Directory.CreateTempSubdirectory("numa-scenario-");
        try
        {
            File.WriteAllBytes(Path.Combine(dir.FullName, "hook.bpf.o"), [0x7f, (byte)'E', (byte)'L', (byte)'F']);
            var yaml = ScenarioTexts.Valid + "policies:\n  - { name: hook, kind: bpf, object: hook.bpf.o, attach: { workload: cache } }\n";
            File.WriteAllText(Path.Combine(dir.FullName, "s.yaml"), yaml);

            var result = ScenarioLoader.Load(Path.Combine(dir.FullName, "s.yaml"), FakePolicyCatalog.Instance);

            Assert.True(result.Scenario is not null, string.Join("\n", result.Diagnostics));
            Assert.Equal(Path.Combine(dir.FullName, "hook.bpf.o"), result.Scenario!.Policies[0].ObjectPath);
            Assert.Equal(Path.Combine(dir.FullName, "s.yaml"), result.Scenario.SourcePath);
            Assert.Equal(dir.FullName, result.Scenario.BaseDirectory);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_warning_alone_still_yields_a_scenario()
    {
        var result = ScenarioTexts.Load(ScenarioTexts.Valid.Replace("pattern: zipf", "pattern: uniform, skew: 0.5"));

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.NotNull(result.Scenario);
    }

    [Fact]
    public void A_cost_below_the_100ns_resolution_is_an_error_rather_than_a_silent_zero()
    {
        var yaml = ScenarioTexts.Valid.Replace("    count: 2\n", "    count: 2\n    costs: { pte_update: 40ns }\n");

        var d = Assert.Single(ScenarioTexts.Load(yaml).Diagnostics);

        Assert.Contains("pte_update must be greater than zero, found '40ns' (durations have a resolution of 100ns)", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Topology_file_errors_pass_through_with_their_own_file_and_line()
    {
        var dir = Directory.CreateTempSubdirectory("numa-scenario-");
        try
        {
            var topo = Path.Combine(dir.FullName, "broken.numactl");
            File.WriteAllText(topo, "this is not numactl output\n");
            var yaml = ScenarioTexts.Valid.Replace("""
                    topology:
                      nodes:
                        - { id: 0, cpus: 8, memory: 16GiB }
                        - { id: 1, cpus: 8, memory: 16GiB }
                        - { id: 2, cpus: 0, memory: 32GiB, tier: slow }
                      distances: [[10, 21, 30], [21, 10, 30], [30, 30, 10]]
                """, "    topology: { file: broken.numactl }\n");
            Assert.Contains("file: broken.numactl", yaml, StringComparison.Ordinal);

            var result = ScenarioLoader.LoadText(yaml, "s.yaml", dir.FullName, FakePolicyCatalog.Instance);

            Assert.Null(result.Scenario);
            Assert.Contains(result.Diagnostics, d => d.IsError && d.File == topo && d.Line >= 1);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
