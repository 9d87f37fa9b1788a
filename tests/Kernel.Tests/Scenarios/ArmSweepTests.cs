using NumaActors.Kernel.Knobs;
using NumaActors.Kernel.Scenarios;

namespace NumaActors.Kernel.Tests.Scenarios;

/// <summary>An arm sweep turns one grid line into arms: readable names, the swept value in each arm's policy, the rest untouched.</summary>
public class ArmSweepTests
{
    private const string Policies = """
        policies:
          - { name: tier, kind: static, params: { enabled: true, scan_size: 256MiB }, attach: { workload: cache } }

        """;

    [Fact]
    public void A_sweep_alone_makes_one_arm_per_value_named_policy_param_value()
    {
        var scenario = ScenarioTexts.LoadOk(ScenarioTexts.Valid + Policies + """
            arms: { sweep: { policy: tier, param: hot_threshold, values: [100ms, 500ms, 2s] } }
            """);

        Assert.Equal(["tier-hot_threshold-100ms", "tier-hot_threshold-500ms", "tier-hot_threshold-2s"], scenario.Arms.Select(a => a.Name));
        var values = scenario.Arms.Select(a => Assert.Single(scenario.AttachedPolicies(a)).Params["hot_threshold"]);
        Assert.Equal(["100ms", "500ms", "2s"], values);
        // The policy's other parameters stay as written, and the policy itself is unchanged outside the arms.
        Assert.All(scenario.Arms, a => Assert.Equal("256MiB", scenario.FindPolicy(a, "tier")!.Params["scan_size"]));
        Assert.False(scenario.FindPolicy("tier")!.Params.ContainsKey("hot_threshold"));
    }

    [Fact]
    public void A_sweep_sits_in_the_arm_list_beside_plain_arms_in_file_order()
    {
        var scenario = ScenarioTexts.LoadOk(ScenarioTexts.Valid + Policies + """
            arms:
              - { name: off }
              - sweep: { policy: tier, param: enabled, values: [false, true] }
              - { name: global, sysctl: { numa_balancing: 1 } }
              - sweep: { policy: tier, param: scan_size, values: [64MiB, 1GiB], sysctl: { numa_balancing: 2 } }
            """);

        Assert.Equal(["off", "tier-enabled-false", "tier-enabled-true", "global", "tier-scan_size-64MiB", "tier-scan_size-1GiB"],
            scenario.Arms.Select(a => a.Name));
        Assert.Empty(scenario.AttachedPolicies(scenario.Arms[0]));
        Assert.Equal("false", scenario.FindPolicy(scenario.Arms[1], "tier")!.Params["enabled"]);
        Assert.Equal("1GiB", scenario.FindPolicy(scenario.Arms[5], "tier")!.Params["scan_size"]);
        Assert.Equal(NumaBalancingMode.MemoryTiering, scenario.Arms[5].Sysctl.Mode);
        Assert.Null(scenario.Arms[1].Sysctl.Mode);
    }

    [Fact]
    public void A_sweep_over_several_policies_sets_the_value_in_each_and_can_be_named()
    {
        var scenario = ScenarioTexts.LoadOk(ScenarioTexts.Valid + """
              - { name: batch, class: small, per_server: 1, tasks: 2, memory: 1GiB, access: { rate: 1000/s } }

            """ + """
            policies:
              - { name: a, kind: static, attach: { workload: cache } }
              - { name: b, kind: always, attach: { workload: batch } }
            arms:
              - sweep: { policies: [a, b], param: hot_threshold, values: [200ms] }
              - sweep: { policies: [a, b], param: hot_threshold, values: [1s], name: both }
            """);

        Assert.Equal(["a+b-hot_threshold-200ms", "both-hot_threshold-1s"], scenario.Arms.Select(a => a.Name));
        Assert.All(scenario.AttachedPolicies(scenario.Arms[1]), p => Assert.Equal("1s", p.Params["hot_threshold"]));
        Assert.Equal(2, scenario.AttachedPolicies(scenario.Arms[1]).Length);
    }
}
