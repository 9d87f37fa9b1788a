using NumaActors.Kernel.Knobs;
using NumaActors.Kernel.Setup;
using NumaActors.Kernel.Tests.Support;

namespace NumaActors.Kernel.Tests.Model;

/// <summary>Issue 3, "Done when" 5: every gate goes through INumabGates (kernel-model.md §9.1/§9.2).</summary>
public class GateTests
{
    private static NumaActors.Kernel.Model.ServerModel TwoWorkloads(TestGates gates)
    {
        // A (cgroup 10) and B (cgroup 20): each a task pinned to node 0 with 256 MiB on node 1.
        return Sim.Server(TestMachines.TwoNode(), gates, processes:
        [
            Sim.Process(1, 256 * Sim.MiB, InitialPlacement.OnNode(1), pin: [0], cgroup: 10),
            Sim.Process(2, 256 * Sim.MiB, InitialPlacement.OnNode(1), pin: [0], cgroup: 20),
        ]);
    }

    [Fact]
    public void Global_off_with_a_hook_for_A_only_balances_A_and_leaves_B_untouched()
    {
        var server = TwoWorkloads(new TestGates(NumaBalancingMode.Disabled, enabledCgroups: [10]));
        server.RunUntil(9_000);
        server.TakeSnapshot();
        server.RunUntil(10_000);
        var snap = server.TakeSnapshot(); // interval 9–10 s
        var a = snap.Processes.Single(p => p.CgroupId == 10);
        var b = snap.Processes.Single(p => p.CgroupId == 20);
        Assert.True(a.LocalAccessRatio > 0.99);
        Assert.Equal(65_536, a.VmStat.NumaPagesMigrated);
        Assert.All(b.VmStat.ByKernelName(), kv => Assert.Equal(0, kv.Value));
        Assert.Equal(65_536, b.PagesOnNode[1]);
    }

    [Fact]
    public void Global_on_balances_both_whatever_the_hook_says()
    {
        var server = TwoWorkloads(new TestGates(NumaBalancingMode.Normal, enabledCgroups: []));
        server.RunUntil(9_000);
        server.TakeSnapshot();
        server.RunUntil(10_000);
        Assert.All(server.TakeSnapshot().Processes, p =>
        {
            Assert.True(p.LocalAccessRatio > 0.99);
            Assert.Equal(65_536, p.VmStat.NumaPagesMigrated);
        });
    }

    [Fact]
    public void Scan_size_override_of_the_cgroup_replaces_the_sysctl()
    {
        // scan_size 64 MB → 16,384 pages per pass: the first pass marks a quarter of the 256 MiB.
        var gates = new TestGates(NumaBalancingMode.Normal, overrides: new NumaActors.Kernel.Hooks.NumabOverrides { ScanSizeMb = 64 });
        var server = Sim.Server(TestMachines.TwoNode(), gates,
            processes: Sim.Process(1, 256 * Sim.MiB, InitialPlacement.OnNode(1), pin: [0]));
        server.RunUntil(1_200);
        Assert.Equal(16_384, server.TakeSnapshot().VmStat.NumaPteUpdates);
    }

    [Fact]
    public void Tiering_only_mode_leaves_DRAM_unmarked_until_a_program_is_attached()
    {
        // Mode 2: folio_can_map_prot_numa skips top-tier folios while NORMAL is off, so DRAM-only
        // memory is never marked. One attached program makes task_numab_mode_normal() true for
        // every task (§9.2), and the same memory is then scanned: 65,536 PTEs in the first pass.
        static NumaActors.Kernel.Model.ServerModel Run(TestGates gates)
        {
            var server = Sim.Server(TestMachines.TwoNode(), gates,
                processes: Sim.Process(1, 256 * Sim.MiB, InitialPlacement.OnNode(1), pin: [0], cgroup: 10));
            server.RunUntil(3_000);
            return server;
        }
        Assert.Equal(0, Run(new TestGates(NumaBalancingMode.MemoryTiering)).TakeSnapshot().VmStat.NumaPteUpdates);
        Assert.Equal(65_536, Run(new TestGates(NumaBalancingMode.MemoryTiering, enabledCgroups: [99])).TakeSnapshot().VmStat.NumaPteUpdates);
    }
}
