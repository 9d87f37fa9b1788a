using NumaActors.Kernel.Decisions;
using NumaActors.Kernel.Observability;
using NumaActors.Kernel.Reporting;
using NumaActors.Kernel.Scenarios;
using NumaActors.Kernel.Tests.Scenarios;

namespace NumaActors.Kernel.Tests.Decisions;

/// <summary>
/// Recommendations from hand-made arm figures: each workload against its own baseline arm, classes by
/// cgroup parent, and a policies block that loads back into the scenario and attaches what was chosen.
/// </summary>
public class FleetRecommenderTests
{
    private const string Head = """
        version: 1
        name: decide-rules
        duration: 60s
        fleet:
          - class: small
            count: 1
            topology: { nodes: [{ id: 0, cpus: 8, memory: 16GiB }, { id: 1, cpus: 8, memory: 16GiB }], distances: [[10, 21], [21, 10]] }
        workloads:
          - { name: cache, class: small, per_server: 2, cgroup: /kubepods/burstable/cache, tasks: 4, memory: 1GiB, access: { rate: 1000/s }, latency_sensitive: true }
          - { name: web, class: small, per_server: 1, cgroup: /kubepods/burstable/web, tasks: 4, memory: 1GiB, access: { rate: 1000/s } }
          - { name: batch, class: small, per_server: 1, cgroup: /kubepods/besteffort/batch, tasks: 8, memory: 1GiB, access: { rate: 1000/s } }

        """;

    private const string PoliciesAndArms = """
        policies:
          - { name: tier, kind: static, params: { scan_size: 64MiB }, attach: { workload: cache } }
          - { name: web-on, kind: static, attach: { workload: web } }
          - { name: batch-on, kind: static, attach: { workload: batch } }
        arms:
          - { name: on, sysctl: { numa_balancing: 1 } }
          - { name: off }
          - sweep: { policies: [tier, web-on, batch-on], name: all, param: hot_threshold, values: [100ms, 1s] }
        """;

    private static readonly Scenario Scenario = ScenarioTexts.LoadOk(Head + PoliciesAndArms);

    private static readonly DecisionBudget Budget = new(0.01, 5);

    // Arms in order: on, off, all-hot_threshold-100ms, all-hot_threshold-1s. (locality mean, CPU share, stall p99)
    private static readonly SimulationReport Report = new("decide-rules", 0, 60, new EngineInfo("sequential", 1, 1, 1),
    [
        Arm("on", W("cache", 2, true, 0.90, 0.020, 1, ls: true), W("web", 1, true, 0.70, 0.005), W("batch", 1, true, 0.45, 0.020)),
        Arm("off", W("cache", 2, false, 0.50, 0, 0, ls: true), W("web", 1, false, 0.60, 0), W("batch", 1, false, 0.40, 0)),
        Arm("all-hot_threshold-100ms", W("cache", 2, true, 0.80, 0.005, 3, ls: true), W("web", 1, true, 0.65, 0.004), W("batch", 1, true, 0.40, 0.003)),
        Arm("all-hot_threshold-1s", W("cache", 2, true, 0.85, 0.006, 7, ls: true), W("web", 1, true, 0.72, 0.006), W("batch", 1, true, 0.40, 0.003)),
    ]);

    private static ArmReport Arm(string name, params WorkloadReport[] workloads) =>
        new(name, new FleetSummary(1, 0.5, 100, 0, VmStatCounters.Zero), workloads, [], []);

    private static WorkloadReport W(string name, int instances, bool on, double locality, double cpu, double stall = 0, bool ls = false) =>
        new(name, instances, on, new LocalityRange(locality, locality, locality), 100, cpu, stall, stall, ls, VmStatCounters.Zero);

    [Fact]
    public void Each_workload_gets_the_best_gain_within_budget_over_its_balancing_off_arm()
    {
        var set = FleetRecommender.Recommend(Report, Scenario, Budget);

        var cache = set.Workloads.Single(r => r.Name == "cache");
        Assert.Equal("off", cache.BaselineArm); // the first arm with its balancing off, not the first arm
        Assert.Equal("all-hot_threshold-100ms", cache.Chosen.Arm); // "on" is over the CPU budget, 1s over the stall budget
        Assert.Equal(0.30, cache.Chosen.LocalityGain, 6);
        Assert.Equal("static hot_threshold=100ms scan_size=64MiB", cache.Chosen.Setting);
        Assert.Equal("100ms", cache.Policy!.Params["hot_threshold"]);

        var web = set.Workloads.Single(r => r.Name == "web");
        Assert.Equal("all-hot_threshold-1s", web.Chosen.Arm); // not latency-sensitive: the 1s arm's stall does not count
        Assert.Equal("static hot_threshold=1s", web.Chosen.Setting);

        var batch = set.Workloads.Single(r => r.Name == "batch");
        Assert.Equal("off", batch.Chosen.Arm); // no gain anywhere within budget: the free baseline
        Assert.Null(batch.Policy);
        Assert.Equal("balancing off", batch.Chosen.Setting);
    }

    [Fact]
    public void Classes_of_two_or_more_workloads_are_decided_on_cpu_time_weighted_figures()
    {
        var set = FleetRecommender.Recommend(Report, Scenario, Budget);

        var burstable = Assert.Single(set.Classes);
        Assert.Equal("/kubepods/burstable", burstable.Name);
        Assert.Equal(["cache", "web"], burstable.Members);
        Assert.True(burstable.LatencySensitive);
        // Weights: cache 2 instances × 4 tasks, web 1 × 4. The 1s arm has the better weighted gain but
        // its latency-sensitive member is over the stall budget.
        Assert.Equal("all-hot_threshold-100ms", burstable.Chosen.Arm);
        Assert.Equal((8 * 0.80 + 4 * 0.65) / 12 - (8 * 0.50 + 4 * 0.60) / 12, burstable.Chosen.LocalityGain, 6);
        Assert.Equal((8 * 0.005 + 4 * 0.004) / 12, burstable.Chosen.CpuShare, 9);
    }

    [Fact]
    public void The_recommended_policies_block_loads_into_the_scenario_and_attaches_the_chosen_settings()
    {
        var set = FleetRecommender.Recommend(Report, Scenario, Budget);
        var block = RecommendedPoliciesYaml.Render(set, Scenario);

        var pasted = ScenarioTexts.LoadOk(Head + block);

        var attached = pasted.AttachedPolicies(Assert.Single(pasted.Arms)).ToDictionary(p => p.Attach!.Workload);
        Assert.Equal(["cache", "web"], attached.Keys.Order());
        Assert.Equal("100ms", attached["cache"].Params["hot_threshold"]);
        Assert.Equal("64MiB", attached["cache"].Params["scan_size"]);
        Assert.Equal("1s", attached["web"].Params["hot_threshold"]);
        Assert.Contains("# batch: no program (balancing off)", block);
    }

    [Fact]
    public void Recommendations_json_is_the_same_bytes_for_the_same_figures()
    {
        var a = RecommendationsJson.ToText(FleetRecommender.Recommend(Report, Scenario, Budget));
        var b = RecommendationsJson.ToText(FleetRecommender.Recommend(Report, Scenario, Budget));

        Assert.Equal(a, b);
        using var doc = System.Text.Json.JsonDocument.Parse(a);
        Assert.Equal(0.01, doc.RootElement.GetProperty("budget").GetProperty("balancing_cpu_share").GetDouble());
        Assert.Equal(3, doc.RootElement.GetProperty("workloads").GetArrayLength());
    }
}
