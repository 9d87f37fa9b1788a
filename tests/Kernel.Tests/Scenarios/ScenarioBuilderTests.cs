using System.Text.Json;
using NumaActors.Kernel.Knobs;
using NumaActors.Kernel.Scenarios;
using NumaActors.Topology;

namespace NumaActors.Kernel.Tests.Scenarios;

public class ScenarioBuilderTests
{
    private const string Yaml = """
        version: 1
        name: scripted
        seed: 11
        duration: 120s
        tick: 50ms
        fleet:
          - class: two
            count: 3
            topology:
              nodes:
                - { id: 0, cpus: 16, memory: 32GiB }
                - { id: 1, cpus: 16, memory: 32GiB }
              distances: [[10, 21], [21, 10]]
            sysctl: { numa_balancing: 1, scan_size: 512MiB }
        workloads:
          - name: cache
            class: two
            per_server: 2
            tasks: 4
            memory: 2GiB
            access: { rate: 5000000/s, pattern: zipf, skew: 0.9, shared: 0.25 }
            latency_sensitive: true
          - name: batch
            class: two
            per_server: 1
            tasks: 8
            memory: 4GiB
            access: { rate: 1000000/s }
        policies:
          - { name: batch-on, kind: static, params: { enabled: true, hot_threshold: 500ms }, attach: { workload: batch } }
          - { name: cache-on, kind: always }
        timeline:
          - { at: 30s, attach: { policy: cache-on, workload: cache } }
          - { at: 60s, update: { policy: batch-on, params: { hot_threshold: 200ms } } }
          - { at: 90s, detach: { policy: cache-on, workload: cache } }
          - { at: 100s, sysctl: { class: two, numa_balancing: 0 } }
        arms:
          - { name: off }
          - { name: selective, policies: [batch-on] }
        """;

    private static Machine TwoNodes() => new("two",
        [new NumaNode(0, 16, 32L << 30), new NumaNode(1, 16, 32L << 30)],
        [[10, 21], [21, 10]]);

    [Fact]
    public void Builder_gives_the_same_model_as_the_equivalent_yaml_file()
    {
        var fromYaml = ScenarioLoader.LoadText(Yaml, "scripted.yaml", "/tmp", FakePolicyCatalog.Instance);
        var built = new ScenarioBuilder("scripted", TimeSpan.FromSeconds(120), seed: 11)
            .Tick(TimeSpan.FromMilliseconds(50))
            .Class("two", 3, TwoNodes(), new SysctlOverrides(Mode: NumaBalancingMode.Normal, ScanSizeMb: 512))
            .Workload("cache", "two", perServer: 2, tasks: 4, memoryBytes: 2L << 30,
                new AccessModel(5_000_000, AccessPattern.Zipf, 0.9, 0.25), latencySensitive: true)
            .Workload("batch", "two", perServer: 1, tasks: 8, memoryBytes: 4L << 30, new AccessModel(1_000_000, AccessPattern.Uniform, 0, 0))
            .Policy("batch-on", "static", "batch", ("enabled", "true"), ("hot_threshold", "500ms"))
            .Policy("cache-on", "always", attachTo: null)
            .At(TimeSpan.FromSeconds(30)).Attach("cache-on", "cache")
            .At(TimeSpan.FromSeconds(60)).Update("batch-on", ("hot_threshold", "200ms"))
            .At(TimeSpan.FromSeconds(90)).Detach("cache-on", "cache")
            .At(TimeSpan.FromSeconds(100)).Sysctl(new SysctlOverrides(Mode: NumaBalancingMode.Disabled), "two")
            .Arm("off")
            .Arm("selective", null, "batch-on")
            .Build(FakePolicyCatalog.Instance, "/tmp");

        Assert.True(fromYaml.Scenario is not null, string.Join("\n", fromYaml.Diagnostics));
        Assert.True(built.Scenario is not null, string.Join("\n", built.Diagnostics));
        Assert.Equal(Json(fromYaml.Scenario!), Json(built.Scenario!));
        // Spot checks that the comparison saw real content, not two empty objects.
        Assert.Equal(4, built.Scenario!.Timeline.Length);
        Assert.Equal(512u, built.Scenario.Fleet[0].Knobs.ScanSizeMb);
    }

    [Fact]
    public void Builder_reports_rule_violations_like_a_file_would()
    {
        var result = new ScenarioBuilder("bad", TimeSpan.FromSeconds(10))
            .Class("two", 1, TwoNodes())
            .Workload("huge", "two", perServer: 1, tasks: 1, memoryBytes: 100L << 30, new AccessModel(1000, AccessPattern.Uniform, 0, 0))
            .Build(FakePolicyCatalog.Instance);

        Assert.Null(result.Scenario);
        // 100GiB against 2 x 32GiB = 64GiB of machine memory.
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("needs 1 × 100GiB = 100GiB per server", StringComparison.Ordinal));
    }

    private static string Json(Scenario s) => JsonSerializer.Serialize(s with { SourcePath = null });
}
