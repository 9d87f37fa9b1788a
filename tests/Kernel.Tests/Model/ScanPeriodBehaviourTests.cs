using NumaActors.Kernel.Knobs;
using NumaActors.Kernel.Setup;
using NumaActors.Kernel.Tests.Support;

namespace NumaActors.Kernel.Tests.Model;

/// <summary>Issue 3, "Done when" 4: the scan period adapts to locality (kernel-model.md §6).</summary>
public class ScanPeriodBehaviourTests
{
    [Fact]
    public void All_local_private_memory_slows_the_scanner_toward_its_maximum()
    {
        // Two threads, private halves already local: every fault is local and private, so each
        // placement adds max(ps − 7, 1) × slot = 3 slots (ps = 10) — the period grows by 30% per pass.
        // 256 MiB = one window: min 1000 ms, max 60,000 ms.
        var server = Sim.Server(TestMachines.TwoNode(), TestGates.Global(NumaBalancingMode.Normal),
            processes: Sim.Process(1, 256 * Sim.MiB, InitialPlacement.FirstTouch, tasks: 2, pin: [0, 1]));
        server.RunUntil(120_000);
        var periods = server.Processes[0].Tasks.Select(t => t.ScanPeriodMs).ToArray();
        Assert.All(periods, p => Assert.True(p >= 20_000, $"period {p} ms"));
        Assert.All(periods, p => Assert.True(p <= 60_000));
    }

    [Fact]
    public void A_shared_workload_settled_on_two_active_nodes_counts_as_local_and_slows_down()
    {
        // §3.4: a shared remote fault between two active nodes of a multi-node group counts as
        // local ("settled"), so lr ≥ 7 and the period grows (+max(lr − 7, 1) × slot per placement)
        // even though half the accesses are remote. Started at task_scan_start (1000 ms, or ×
        // refcount × (shared + 1)/(private + shared + 1) ≈ 2× for the two-task group).
        var server = Sim.Server(TestMachines.TwoNode(), TestGates.Global(NumaBalancingMode.Normal),
            processes: Sim.Process(1, 256 * Sim.MiB, InitialPlacement.OnNode(0), tasks: 2, pin: [0, 1], shared: 1.0));
        server.RunUntil(60_000);
        var p = server.Processes[0];
        Assert.All(p.Tasks, t => Assert.True(t.ScanPeriodMs > 2_000, $"period {t.ScanPeriodMs} ms"));
        Assert.InRange(server.TakeSnapshot().Processes[0].LocalAccessRatio, 0.3, 0.7);
    }

    [Fact]
    public void Mostly_remote_shared_faults_speed_the_scanner_up_to_its_minimum()
    {
        // Four threads share 256 MiB: three on node 0, one on node 1. The group's CPU faults on
        // node 1 are a third of node 0's, so node 1 is not an active node (CPU × 3 > max fails)
        // and the group rule keeps most pages on node 0. The node-1 thread's faults are shared
        // (ps ≈ 0) and mostly remote (lr ≈ 2): diff = −(7 − 2) × slot per placement, down to
        // task_scan_min = 1000 ms (one 256 MB window). The node-0 threads' faults are mostly
        // local (lr ≥ 7): their period grows.
        var server = Sim.Server(TestMachines.TwoNode(), TestGates.Global(NumaBalancingMode.Normal),
            processes: Sim.Process(1, 256 * Sim.MiB, InitialPlacement.OnNode(0), tasks: 4, pin: [0, 0, 0, 1], shared: 1.0));
        server.RunUntil(30_000);
        var tasks = server.Processes[0].Tasks;
        Assert.Equal(1000, tasks[3].ScanPeriodMs);
        Assert.All(tasks.Take(3), t => Assert.True(t.ScanPeriodMs > 2_000, $"period {t.ScanPeriodMs} ms"));
    }
}
