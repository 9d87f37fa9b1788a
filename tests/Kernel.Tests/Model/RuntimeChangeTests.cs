using NumaActors.Kernel.Knobs;
using NumaActors.Kernel.Setup;
using NumaActors.Kernel.Tests.Support;

namespace NumaActors.Kernel.Tests.Model;

/// <summary>The timeline's runtime changes: scale (add/remove a process), phase (access model), sysctl.</summary>
public class RuntimeChangeTests
{
    [Fact]
    public void Removing_a_process_returns_its_memory_and_keeps_its_counters_in_the_server_totals()
    {
        var server = Sim.Server(TestMachines.TwoNode(), TestGates.Global(NumaBalancingMode.Normal),
            processes: Sim.Process(1, 256 * Sim.MiB, InitialPlacement.OnNode(1), pin: [0]));
        long freeBefore = server.Nodes[0].FreePages + server.Nodes[1].FreePages;
        server.RunUntil(3_000);
        Assert.True(server.RemoveProcess(1));
        server.Step(); // page transfers of the last tick land in the next phase B
        var snap = server.TakeSnapshot();
        Assert.Empty(snap.Processes);
        Assert.Equal(65_536, snap.VmStat.NumaPagesMigrated);
        Assert.Equal(freeBefore + 65_536, server.Nodes[0].FreePages + server.Nodes[1].FreePages);
    }

    [Fact]
    public void Turning_balancing_on_at_run_time_starts_the_scanner()
    {
        var server = Sim.Server(TestMachines.TwoNode(), TestGates.Global(NumaBalancingMode.Disabled),
            processes: Sim.Process(1, 256 * Sim.MiB, InitialPlacement.OnNode(1), pin: [0]));
        server.RunUntil(5_000);
        Assert.Equal(0, server.TakeSnapshot().VmStat.NumaPteUpdates);
        server.SetKnobs(server.Knobs with { Mode = NumaBalancingMode.Normal }, TestGates.Global(NumaBalancingMode.Normal));
        server.RunUntil(10_000);
        Assert.Equal(65_536, server.TakeSnapshot().VmStat.NumaPagesMigrated);
    }

    [Fact]
    public void Added_process_gets_its_own_tasks_and_memory()
    {
        var server = Sim.Server(TestMachines.TwoNode(), TestGates.Global(NumaBalancingMode.Normal));
        server.RunUntil(1_000);
        var proc = server.AddProcess(Sim.Process(5, 64 * Sim.MiB, InitialPlacement.FirstTouch, tasks: 3));
        Assert.Equal(16_384, proc.PagesOnNode(0) + proc.PagesOnNode(1));
        // Tasks spread over the idle nodes: least running per CPU, lowest id first.
        Assert.Equal([0, 1, 0], proc.Tasks.Select(t => t.Node).ToArray());
        Assert.Equal(3, proc.Tasks.Select(t => t.Id).Distinct().Count());
    }
}
