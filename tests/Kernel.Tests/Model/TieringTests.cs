using NumaActors.Kernel.Knobs;
using NumaActors.Kernel.Model;
using NumaActors.Kernel.Setup;
using NumaActors.Kernel.Tests.Support;

namespace NumaActors.Kernel.Tests.Model;

/// <summary>Issue 3, "Done when" 7: memory tiering (kernel-model.md §5.3).</summary>
public class TieringTests
{
    /// <summary>
    /// 2 GiB DRAM node 0 (524,288 pages) + 4 GiB CXL node 1. An idle filler takes 1,900 MiB of node 0
    /// so that node 0 lacks "plenty of free space" (free ≤ WMARK_PROMO + 1 GiB) and promotions go
    /// through the hot threshold and the rate limit, and fill node 0 (kswapd then demotes). The
    /// workload: one task on node 0 with 256 MiB on node 1, uniform accesses at 65,536/s = one touch
    /// per page per second, so a marked page's first touch comes after an exponential latency with
    /// mean 1 s.
    /// </summary>
    private static ServerModel Tiered(uint hotThresholdMs = 1000, uint rateLimitMBps = 65536, uint scanPeriodMaxMs = 60_000, ulong seed = 1)
    {
        var knobs = NumaBalancingKnobs.KernelDefaults with
        {
            Mode = NumaBalancingMode.MemoryTiering,
            PromoteRateLimitMBps = rateLimitMBps,
            ScanPeriodMaxMs = scanPeriodMaxMs,
        };
        return Sim.Server(TestMachines.Tiered(2 * Sim.GiB, 4 * Sim.GiB), TestGates.Global(NumaBalancingMode.MemoryTiering, hotThresholdMs), knobs, seed, processes:
        [
            Sim.Process(1, 256 * Sim.MiB, InitialPlacement.OnNode(1), rate: 65_536),
            Sim.Process(2, 1900 * Sim.MiB, InitialPlacement.OnNode(0)) with { CpuUtilization = 0 },
        ]);
    }

    [Fact]
    public void A_lower_hot_threshold_promotes_fewer_pages()
    {
        // P(first touch within th) = 1 − e^(−th/1 s): 63% at 1000 ms, 18% at 200 ms per marked page.
        // After the first two passes (~1.1 s and ~2.1 s): 1 − 0.37² ≈ 86% vs 1 − 0.82² ≈ 33%.
        // (Over many passes the strict one catches up: every pass gives cold pages another chance.)
        var loose = Tiered(hotThresholdMs: 1000);
        var strict = Tiered(hotThresholdMs: 200);
        loose.RunUntil(3_000);
        strict.RunUntil(3_000);
        long l = loose.TakeSnapshot().VmStat.PgpromoteSuccess, s = strict.TakeSnapshot().VmStat.PgpromoteSuccess;
        Assert.True(s > 0);
        Assert.True(s < l * 0.6, $"strict {s} vs loose {l}");
    }

    [Fact]
    public void A_low_rate_limit_caps_promotions_at_limit_times_time()
    {
        // 1 MB/s = 256 pages/s per target node, in 1 s windows: at most 256 × (20 + 1) pages in 20 s.
        var server = Tiered(rateLimitMBps: 1);
        server.RunUntil(20_000);
        var vm = server.TakeSnapshot().VmStat;
        Assert.InRange(vm.PgpromoteSuccess, 1, 256 * 21);
        Assert.True(vm.PgpromoteCandidate > vm.PgpromoteSuccess);
    }

    [Fact]
    public void The_threshold_rises_to_twice_the_default_when_candidates_are_below_the_limit()
    {
        // Default limit 65,536 MB/s: candidates < 0.9 × limit × window every window, so the
        // threshold loosens by 2 × 1000/16 = 125 ms per window (scan_period_max = 6 s here) up to 2000 ms.
        var server = Tiered(scanPeriodMaxMs: 6_000);
        server.RunUntil(80_000);
        Assert.Equal(2000, server.TakeSnapshot().Nodes[0].PromotionThresholdMs);
    }

    [Fact]
    public void The_threshold_falls_to_its_unit_when_candidates_exceed_the_limit()
    {
        // 1 MB/s: ref = 256 × 6 = 1,536 candidates per 6 s window; ~40,000 pages are hot per pass, so the
        // threshold tightens by 125 ms per window down to 125 ms, and never below.
        var server = Tiered(rateLimitMBps: 1, scanPeriodMaxMs: 6_000);
        server.RunUntil(80_000);
        Assert.Equal(125, server.TakeSnapshot().Nodes[0].PromotionThresholdMs);
    }

    [Fact]
    public void A_full_fast_tier_demotes_cold_pages_and_reaches_a_steady_state()
    {
        var server = Tiered();
        server.RunUntil(60_000);
        var snap = server.TakeSnapshot();
        Assert.True(snap.VmStat.PgdemoteKswapd > 0);
        // kswapd keeps node 0 at or above its min watermark; the filler's idle pages are demoted first.
        var node0 = server.Nodes[0];
        Assert.True(node0.FreePages >= node0.Watermarks.Min, $"free {node0.FreePages}");
        var workload = snap.Processes.Single(p => p.Pid == 1);
        Assert.True(workload.PagesOnNode[0] > 50_000, $"hot pages promoted: {workload.PagesOnNode[0]}");
    }
}
