using NumaActors.Kernel.Knobs;
using NumaActors.Kernel.Setup;
using NumaActors.Kernel.Tests.Support;

namespace NumaActors.Kernel.Tests.Model;

/// <summary>Issue 3, "Done when" 1: a task pinned to node 0 whose 256 MiB sit on node 1.</summary>
public class PinnedRemoteTaskTests
{
    private static NumaActors.Kernel.Model.ServerModel Run(NumaBalancingMode mode, long untilMs)
    {
        var server = Sim.Server(TestMachines.TwoNode(), TestGates.Global(mode),
            processes: Sim.Process(1, 256 * Sim.MiB, InitialPlacement.OnNode(1), pin: [0]));
        server.RunUntil(untilMs);
        return server;
    }

    [Fact]
    public void First_pass_marks_the_whole_256MiB_and_every_fault_migrates()
    {
        // 256 MiB = 65,536 pages = scan_size (256 MB × 256 pages/MB): one pass covers it.
        // mm.numa_next_scan = start + scan_delay (1000 ms); the task's runtime passes node_stamp +
        // period (1000 ms) in the tick ending at 1100 ms, so the first pass is at ~1.0–1.1 s.
        var server = Run(NumaBalancingMode.Normal, 900);
        Assert.Equal(0, server.TakeSnapshot().VmStat.NumaPteUpdates);

        server.RunUntil(3000);
        var vm = server.TakeSnapshot().VmStat;
        Assert.Equal(65_536, vm.NumaPteUpdates);
        // 10^7 accesses/s over 65,536 pages ≈ 153 per page per second: every marked page is touched
        // within 0.1 s; each remote fault migrates (early-life rule: no preferred node, scan_seq ≤ 4).
        Assert.Equal(65_536, vm.NumaHintFaults);
        Assert.Equal(65_536, vm.NumaPagesMigrated);
        Assert.Equal(0, vm.NumaHintFaultsLocal);
        Assert.Equal(65_536, server.Processes[0].PagesOnNode(0));
    }

    [Fact]
    public void Memory_is_local_about_two_seconds_after_start_and_counters_then_stop()
    {
        var server = Run(NumaBalancingMode.Normal, 2000);
        var at2s = server.TakeSnapshot();
        Assert.Equal(65_536, at2s.Processes[0].PagesOnNode[0]);

        server.RunUntil(30_000);
        var later = server.TakeSnapshot();
        // Single-threaded, private and already on the scanning CPU's node: never marked again.
        Assert.Equal(at2s.VmStat, later.VmStat);
        Assert.True(later.Processes[0].LocalAccessRatio > 0.999);
    }

    [Fact]
    public void Balancing_off_moves_nothing_and_every_counter_stays_zero()
    {
        var server = Run(NumaBalancingMode.Disabled, 30_000);
        var snap = server.TakeSnapshot();
        Assert.All(snap.VmStat.ByKernelName(), kv => Assert.Equal(0, kv.Value));
        Assert.Equal(65_536, snap.Processes[0].PagesOnNode[1]);
        Assert.Equal(0.0, snap.Processes[0].LocalAccessRatio);
        Assert.Equal(0.0, snap.Processes[0].BalancingCpuNs);
    }
}

/// <summary>The same task with its memory in 2 MiB THPs (PMD-mapped folios, §2.3, §3.1).</summary>
public class PinnedRemoteThpTests
{
    [Fact]
    public void Huge_pages_count_one_fault_per_folio_and_512_pages_per_migration()
    {
        var server = Sim.Server(TestMachines.TwoNode(), TestGates.Global(NumaBalancingMode.Normal),
            processes: Sim.Process(1, 256 * Sim.MiB, InitialPlacement.OnNode(1), pin: [0]) with { TransparentHugePages = true });
        server.RunUntil(3_000);
        var vm = server.TakeSnapshot().VmStat;
        Assert.Equal(65_536, vm.NumaPteUpdates);       // base pages: a PMD THP counts 512
        Assert.Equal(128, vm.NumaHugePteUpdates);      // 256 MiB / 2 MiB PMDs
        Assert.Equal(128, vm.NumaHintFaults);          // one fault per folio
        Assert.Equal(65_536, vm.NumaPagesMigrated);
    }
}
