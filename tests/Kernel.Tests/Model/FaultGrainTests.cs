using NumaActors.Kernel.Knobs;
using NumaActors.Kernel.Model;
using NumaActors.Kernel.Setup;
using NumaActors.Kernel.Tests.Support;

namespace NumaActors.Kernel.Tests.Model;

/// <summary>
/// The fault grain (docs/MODEL.md): one simulated hinting fault stands for up to G base pages of one
/// task on one node, and counts as G faults everywhere the kernel counts pages or faults.
/// </summary>
public class FaultGrainTests
{
    private static ServerModel PinnedRemote(int grainPages, long memory = 256 * Sim.MiB)
    {
        var server = Sim.Server(TestMachines.TwoNode(), TestGates.Global(NumaBalancingMode.Normal), faultGrainPages: grainPages,
            processes: Sim.Process(1, memory, InitialPlacement.OnNode(1), pin: [0]));
        server.RunUntil(3_000);
        return server;
    }

    [Theory]
    [InlineData(4)]
    [InlineData(16)]
    [InlineData(512)]
    public void A_grained_pinned_remote_task_counts_every_page_as_the_exact_model_does(int grain)
    {
        var vm = PinnedRemote(grain).TakeSnapshot().VmStat;
        Assert.Equal(65_536, vm.NumaPteUpdates);
        Assert.Equal(65_536, vm.NumaHintFaults);
        Assert.Equal(65_536, vm.NumaPagesMigrated);
        Assert.Equal(0, vm.NumaHintFaultsLocal);
    }

    [Fact]
    public void A_grain_charges_the_same_cpu_time_per_page_as_single_page_faults()
    {
        var exact = PinnedRemote(1);
        var grained = PinnedRemote(16);
        Assert.Equal(65_536, grained.Processes[0].PagesOnNode(0));
        double exactNs = exact.TakeSnapshot().Processes[0].BalancingCpuNs;
        double grainedNs = grained.TakeSnapshot().Processes[0].BalancingCpuNs;
        Assert.True(exactNs > 0);
        Assert.InRange(grainedNs / exactNs, 0.999, 1.001);
    }

    [Fact]
    public void A_grain_that_does_not_divide_the_marked_pages_still_faults_each_page_once()
    {
        // 100 pages per node is not a multiple of 16: each node's last grain covers the remainder.
        var vm = PinnedRemote(16, memory: 100 * 4096).TakeSnapshot().VmStat;
        Assert.Equal(100, vm.NumaPteUpdates);
        Assert.Equal(100, vm.NumaHintFaults);
        Assert.Equal(100, vm.NumaPagesMigrated);
    }

    [Fact]
    public void A_shared_workload_keeps_its_fault_and_migration_volume_within_a_few_percent()
    {
        // Four threads on four nodes sharing 1 GiB first-touched on node 0: the statistics the grain
        // changes (cpupid repeats per bucket) must not change how much memory moves by much.
        static (long Faults, long Migrated, double Local) Run(int grain)
        {
            var server = Sim.Server(TestMachines.Backplane(), TestGates.Global(NumaBalancingMode.Normal), faultGrainPages: grain,
                processes: Sim.Process(1, Sim.GiB, InitialPlacement.OnNode(0), tasks: 4, pin: [0, 1, 2, 3], shared: 0.2, rate: 40_000_000));
            server.RunUntil(20_000);
            var snap = server.TakeSnapshot();
            return (snap.VmStat.NumaHintFaults, snap.VmStat.NumaPagesMigrated, snap.Processes[0].LocalAccessRatio);
        }
        var exact = Run(1);
        var grained = Run(16);
        Assert.True(exact.Migrated > 100_000, $"the exact run must migrate ({exact.Migrated} pages)");
        Assert.InRange((double)grained.Faults / exact.Faults, 0.9, 1.1);
        Assert.InRange((double)grained.Migrated / exact.Migrated, 0.85, 1.15);
        Assert.InRange(grained.Local - exact.Local, -0.05, 0.05);
    }

    [Fact]
    public void A_grain_larger_than_a_region_is_rejected_before_the_server_is_built()
    {
        var setup = new ServerSetup(0, TestMachines.TwoNode(), NumaBalancingKnobs.KernelDefaults,
            [Sim.Process(1, Sim.MiB, InitialPlacement.OnNode(0))], FaultGrainPages: 1024);
        Assert.Contains(SetupValidator.Validate(setup), e => e.Contains("fault grain must be 1 to 512 pages", StringComparison.Ordinal));
    }
}
