using NumaActors.Kernel.Hooks;
using NumaActors.Policies.Programs;

namespace NumaActors.Policies.Tests;

public class AdaptiveHotThresholdProgramTests
{
    // Budget 1000 pages/s; thresholds 50..2000 ms starting at 1000 ms; step 125 ms.
    private static readonly AdaptiveHotThresholdSettings Settings = new(1000, 50, 2000, 1000, 125);

    private static CgroupWindowStats Window(long migrated, long promoted = 0, double seconds = 1, long accesses = 1000, long local = 500) =>
        new(NowNs: 0, WindowNs: (long)(seconds * 1e9), Accesses: accesses, LocalAccesses: local, HintFaults: 0, HintFaultsLocal: 0,
            PagesMigrated: migrated, PromoteCandidates: promoted, PromoteSuccess: promoted, ResidentPages: 100_000);

    [Fact]
    public void Starts_at_the_initial_threshold_and_enables_balancing()
    {
        var p = new AdaptiveHotThresholdProgram("a", Settings);
        Assert.Equal(1000u, p.ThresholdMs);
        Assert.Equal(1000u, p.Overrides.HotThresholdMs);
        Assert.True(p.NumabHook(default));
    }

    [Fact]
    public void A_rate_far_over_budget_cuts_the_threshold_in_proportion_then_stops_at_the_minimum()
    {
        var p = new AdaptiveHotThresholdProgram("a", Settings);

        p.OnStatsWindow(Window(migrated: 5000));
        // 5000 pages/s is 5x the budget: min(1000 - 125, 1000 x 1000 / 5000) = 200 ms.
        Assert.Equal(200u, p.ThresholdMs);
        Assert.Equal(200u, p.Overrides.HotThresholdMs);
        Assert.Equal(5000, p.LastRatePagesPerSecond);

        p.OnStatsWindow(Window(migrated: 5000));
        // min(200 - 125, 200 x 0.2 = 40) = 40, clamped up to the 50 ms minimum.
        Assert.Equal(50u, p.ThresholdMs);

        p.OnStatsWindow(Window(migrated: 5000));
        Assert.Equal(50u, p.ThresholdMs);
    }

    [Fact]
    public void A_rate_just_over_budget_cuts_one_step()
    {
        var p = new AdaptiveHotThresholdProgram("a", Settings);
        // 1200 pages/s > 1.1 x 1000: min(1000 - 125 = 875, floor(1000 x 1000 / 1200) = 833) = 833.
        p.OnStatsWindow(Window(migrated: 1200));
        Assert.Equal(833u, p.ThresholdMs);
        // 1150 pages/s: min(833 - 125 = 708, floor(833 x 1000 / 1150) = 724) = 708: at least one step.
        p.OnStatsWindow(Window(migrated: 1150));
        Assert.Equal(708u, p.ThresholdMs);
    }

    [Fact]
    public void Promotions_count_against_the_budget_like_migrations()
    {
        var p = new AdaptiveHotThresholdProgram("a", Settings);
        p.OnStatsWindow(Window(migrated: 0, promoted: 4000));
        // 4000 pages/s: min(875, 1000 x 1000 / 4000 = 250) = 250.
        Assert.Equal(250u, p.ThresholdMs);
    }

    [Fact]
    public void A_rate_under_budget_raises_the_threshold_one_step_per_window_up_to_the_maximum()
    {
        var p = new AdaptiveHotThresholdProgram("a", Settings);
        var seen = new List<uint>();
        for (var i = 0; i < 10; i++)
        {
            // 200 pages over 2 s = 100 pages/s, under 0.9 x budget.
            p.OnStatsWindow(Window(migrated: 200, seconds: 2));
            seen.Add(p.ThresholdMs);
        }
        // 1000 + 125 k, reaching 2000 after 8 windows, then held at the maximum.
        Assert.Equal([1125u, 1250u, 1375u, 1500u, 1625u, 1750u, 1875u, 2000u, 2000u, 2000u], seen);
    }

    [Fact]
    public void A_rate_within_ten_percent_of_budget_holds_the_threshold()
    {
        var p = new AdaptiveHotThresholdProgram("a", Settings);
        p.OnStatsWindow(Window(migrated: 950));
        p.OnStatsWindow(Window(migrated: 1090));
        Assert.Equal(1000u, p.ThresholdMs);
    }

    [Fact]
    public void A_window_of_zero_length_changes_nothing()
    {
        var p = new AdaptiveHotThresholdProgram("a", Settings);
        p.OnStatsWindow(Window(migrated: 1_000_000, seconds: 0));
        Assert.Equal(1000u, p.ThresholdMs);
    }

    [Fact]
    public void The_threshold_never_leaves_its_bounds_whatever_the_windows()
    {
        var p = new AdaptiveHotThresholdProgram("a", Settings);
        var random = new Random(12345);
        var sawMin = false;
        var sawMax = false;
        for (var i = 0; i < 2000; i++)
        {
            // Bursts of very high or very low rates, and everything in between.
            long migrated = (i / 50 % 2 == 0) ? random.Next(0, 100) : random.Next(0, 1_000_000);
            p.OnStatsWindow(Window(migrated, seconds: random.Next(1, 11) / 10.0));
            Assert.InRange(p.ThresholdMs, 50u, 2000u);
            Assert.Equal(p.ThresholdMs, p.Overrides.HotThresholdMs);
            sawMin |= p.ThresholdMs == 50;
            sawMax |= p.ThresholdMs == 2000;
        }
        Assert.True(sawMin && sawMax);
    }

    [Fact]
    public void Records_the_local_share_of_the_last_window()
    {
        var p = new AdaptiveHotThresholdProgram("a", Settings);
        p.OnStatsWindow(Window(migrated: 0, accesses: 1000, local: 800));
        Assert.Equal(0.8, p.LastLocalRatio, 10);
    }

    [Fact]
    public void Inconsistent_settings_are_a_caller_bug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdaptiveHotThresholdProgram("a", Settings with { MinThresholdMs = 3000 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdaptiveHotThresholdProgram("a", Settings with { StepMs = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdaptiveHotThresholdProgram("a", Settings with { BudgetPagesPerSecond = 0 }));
    }
}
