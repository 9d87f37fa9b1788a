using NumaActors.Kernel.Decisions;

namespace NumaActors.Kernel.Tests.Decisions;

/// <summary>The choice among arms on hand-made figures: budget first, then gain, then a fixed tie order.</summary>
public class DecisionRuleTests
{
    private static readonly DecisionBudget Budget = new(CpuShare: 0.01, StallMsP99: 5);

    private static DecisionCandidate C(int index, double gain, double cpu, double stall = 0) =>
        new($"arm{index}", index, gain, cpu, stall, $"setting {index}");

    [Fact]
    public void The_best_gain_over_the_cpu_budget_is_not_chosen()
    {
        var off = C(0, 0, 0);
        var candidates = new[] { off, C(1, 0.30, 0.004), C(2, 0.45, 0.011), C(3, 0.20, 0.002) };

        var (chosen, ok, _) = DecisionRule.Choose(candidates, off, latencySensitive: false, Budget);

        Assert.True(ok);
        Assert.Equal("arm1", chosen.Arm);
        // A larger budget admits the arm with the best gain.
        Assert.Equal("arm2", DecisionRule.Choose(candidates, off, false, Budget with { CpuShare = 0.02 }).Chosen.Arm);
    }

    [Fact]
    public void The_stall_budget_binds_latency_sensitive_workloads_only()
    {
        var off = C(0, 0, 0);
        var candidates = new[] { off, C(1, 0.40, 0.003, stall: 9), C(2, 0.25, 0.003, stall: 4) };

        Assert.Equal("arm2", DecisionRule.Choose(candidates, off, latencySensitive: true, Budget).Chosen.Arm);
        Assert.Equal("arm1", DecisionRule.Choose(candidates, off, latencySensitive: false, Budget).Chosen.Arm);
    }

    [Fact]
    public void Ties_go_to_lower_cost_then_lower_stall_then_the_arm_listed_first()
    {
        var off = C(0, 0, 0);
        // Equal gains at the report's precision (6 decimals).
        var cheaper = new[] { off, C(1, 0.3000001, 0.005), C(2, 0.3, 0.004) };
        var calmer = new[] { off, C(1, 0.3, 0.004, stall: 3), C(2, 0.3, 0.004, stall: 2) };
        var same = new[] { off, C(2, 0.3, 0.004, stall: 2), C(1, 0.3, 0.004, stall: 2) };

        Assert.Equal("arm2", DecisionRule.Choose(cheaper, off, false, Budget).Chosen.Arm);
        Assert.Equal("arm2", DecisionRule.Choose(calmer, off, true, Budget).Chosen.Arm);
        Assert.Equal("arm1", DecisionRule.Choose(same, off, true, Budget).Chosen.Arm);
        Assert.Equal("arm1", DecisionRule.Choose(same.Reverse().ToArray(), off, true, Budget).Chosen.Arm);
    }

    [Fact]
    public void With_no_arm_within_budget_the_baseline_is_kept_and_flagged()
    {
        var baseline = C(0, 0, 0.02);
        var candidates = new[] { baseline, C(1, 0.3, 0.03), C(2, 0.4, 0.004, stall: 8) };

        var (chosen, ok, reason) = DecisionRule.Choose(candidates, baseline, latencySensitive: true, Budget);

        Assert.Same(baseline, chosen);
        Assert.False(ok);
        Assert.Contains("keep the baseline", reason);
    }

    [Fact]
    public void When_balancing_gains_nothing_the_free_baseline_wins()
    {
        var off = C(0, 0, 0);
        var candidates = new[] { C(1, -0.02, 0.004), off, C(2, 0, 0.003) };

        var (chosen, ok, reason) = DecisionRule.Choose(candidates, off, false, Budget);

        Assert.Same(off, chosen);
        Assert.True(ok);
        Assert.Contains("no arm within budget gains locality", reason);
    }
}
