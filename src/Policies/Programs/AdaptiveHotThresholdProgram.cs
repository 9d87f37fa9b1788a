using NumaActors.Kernel.Hooks;

namespace NumaActors.Policies.Programs;

/// <summary>
/// Kind <c>adaptive-hot-threshold</c>: balancing on for the cgroup, and a closed loop on its own
/// <c>hot_thresh</c> so that its migrations stay under a budget while locality keeps rising.
/// <para>
/// Control law, once per statistics window of length w seconds:
/// <code>
/// rate = max(PagesMigrated, PromoteSuccess) / w                # pages/s this cgroup moved
/// if   rate &gt; budget × 1.1:  th = max(min, min(th − step, th × budget / rate))
/// elif rate &lt; budget × 0.9:  th = min(max, th + step)
/// else:                     th unchanged
/// </code>
/// A lower hot threshold lets fewer slow-tier pages count as hot (kernel-model.md §5.3: promote
/// only when the hint-fault latency is below it), so the cut lowers the promotion rate; cutting in
/// proportion to the overshoot (the rate scales roughly with the threshold) reaches the budget in
/// about one window, and never less than one step. Under budget there is room to promote more, so
/// the threshold climbs by one step per window and locality keeps rising. This is additive
/// increase, multiplicative decrease, as in TCP: several cgroups promoting into one node share its
/// capacity fairly, and the 10 % dead band (the kernel auto-adjust's 0.9/1.1) stops it from
/// hunting around the budget. Unlike the kernel's per-node auto-adjust, the state is per cgroup.
/// Windows of zero length are ignored.
/// </para>
/// </summary>
public sealed class AdaptiveHotThresholdProgram : IHookProgram
{
    private readonly AdaptiveHotThresholdSettings settings;

    public AdaptiveHotThresholdProgram(string name, AdaptiveHotThresholdSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.MinThresholdMs == 0 || settings.MinThresholdMs > settings.MaxThresholdMs
            || settings.InitialThresholdMs < settings.MinThresholdMs || settings.InitialThresholdMs > settings.MaxThresholdMs
            || settings.StepMs == 0 || !(settings.BudgetPagesPerSecond > 0))
            throw new ArgumentOutOfRangeException(nameof(settings), settings, "thresholds must satisfy 0 < min ≤ initial ≤ max, step > 0, budget > 0");
        Name = name;
        this.settings = settings;
        ThresholdMs = settings.InitialThresholdMs;
        Overrides = new NumabOverrides { HotThresholdMs = ThresholdMs };
    }

    public string Name { get; }

    /// <summary>The hot threshold the loop has set (ms), what <see cref="Overrides"/> carries.</summary>
    public uint ThresholdMs { get; private set; }

    /// <summary>Migration rate of the last window with a length, in pages per second.</summary>
    public double LastRatePagesPerSecond { get; private set; }

    /// <summary>Local share of the cgroup's accesses in the last window (0 when it made none).</summary>
    public double LastLocalRatio { get; private set; }

    public bool NumabHook(in HookTaskContext task) => true;

    public NumabOverrides Overrides { get; private set; }

    public void OnStatsWindow(in CgroupWindowStats stats)
    {
        if (stats.WindowNs <= 0) return;
        var seconds = stats.WindowNs / 1e9;
        var rate = Math.Max(Math.Max(stats.PagesMigrated, stats.PromoteSuccess), 0) / seconds;
        LastRatePagesPerSecond = rate;
        LastLocalRatio = stats.Accesses > 0 ? (double)stats.LocalAccesses / stats.Accesses : 0;

        var budget = settings.BudgetPagesPerSecond;
        double next = ThresholdMs;
        if (rate > budget * (1 + AdaptiveHotThresholdSettings.Tolerance))
            next = Math.Min(next - settings.StepMs, Math.Floor(next * budget / rate));
        else if (rate < budget * (1 - AdaptiveHotThresholdSettings.Tolerance))
            next += settings.StepMs;
        var clamped = (uint)Math.Clamp(next, settings.MinThresholdMs, settings.MaxThresholdMs);

        if (clamped == ThresholdMs) return;
        ThresholdMs = clamped;
        Overrides = new NumabOverrides { HotThresholdMs = clamped };
    }
}
