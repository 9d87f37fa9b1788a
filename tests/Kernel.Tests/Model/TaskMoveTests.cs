using NumaActors.Kernel.Knobs;
using NumaActors.Kernel.Setup;
using NumaActors.Kernel.Tests.Support;

namespace NumaActors.Kernel.Tests.Model;

/// <summary>Issue 3, "Done when" 2: an unpinned task on an idle machine.</summary>
public class TaskMoveTests
{
    [Fact]
    public void Early_life_faults_bring_the_memory_to_the_task_without_moving_it()
    {
        // The task starts on node 0 (least loaded, lowest id); its memory on node 1. Early-life
        // faults migrate before placement has a preferred node, so the memory comes to the task.
        var server = Sim.Server(TestMachines.TwoNode(), TestGates.Global(NumaBalancingMode.Normal),
            processes: Sim.Process(1, 256 * Sim.MiB, InitialPlacement.OnNode(1)));
        server.RunUntil(20_000);
        var snap = server.TakeSnapshot();
        Assert.Equal(0, server.Processes[0].Tasks[0].Node);
        Assert.Equal(65_536, snap.Processes[0].PagesOnNode[0]);
        Assert.Equal(0, snap.VmStat.NumaTaskMigrated + snap.VmStat.NumaTaskSwapped);
    }

    [Fact]
    public void A_task_whose_memory_cannot_follow_moves_to_its_preferred_node()
    {
        // 1 GiB nodes (262,144 pages). An idle filler (no CPU time) fills node 0 up to its high
        // watermark, so every migration to node 0 fails (free < WMARK_HIGH + 1: pgmigrate_fail).
        // The task's faults all hit node 1, placement makes node 1 preferred, and node 1 is idle:
        // imbalance max(0, (0 + 1) − (1 − 1)) = 1 ≤ NUMA_IMBALANCE_MIN → a plain move.
        var server = Sim.Server(TestMachines.TwoNode(Sim.GiB), TestGates.Global(NumaBalancingMode.Normal), processes:
        [
            Sim.Process(1, 128 * Sim.MiB, InitialPlacement.OnNode(1)),
            Sim.Process(2, 1020 * Sim.MiB, InitialPlacement.OnNode(0)) with { CpuUtilization = 0 },
        ]);
        server.RunUntil(19_000);
        server.TakeSnapshot();
        server.RunUntil(20_000);
        var snap = server.TakeSnapshot(); // interval 19–20 s; counters are cumulative
        var task = server.Processes[0].Tasks[0];
        Assert.True(snap.VmStat.PgmigrateFail > 0);
        Assert.Equal(1, task.PreferredNid);
        Assert.Equal(1, task.Node);
        Assert.Equal(1, snap.VmStat.NumaTaskMigrated);
        Assert.True(snap.Processes.Single(p => p.Pid == 1).LocalAccessRatio > 0.99);
    }

    [Fact]
    public void Two_tasks_on_the_wrong_nodes_of_a_full_machine_swap()
    {
        // One CPU per node, both busy: no spare capacity, so a plain move would unbalance the load;
        // each task's memory is on the other node and both nodes are too full to take it, so both
        // prefer the other node and migrate_swap exchanges them (numa_task_swapped counts both).
        var server = Sim.Server(TestMachines.TwoNode(Sim.GiB, cpus: 1), TestGates.Global(NumaBalancingMode.Normal), processes:
        [
            Sim.Process(1, 64 * Sim.MiB, InitialPlacement.OnNode(1)),
            Sim.Process(2, 64 * Sim.MiB, InitialPlacement.OnNode(0)),
            Sim.Process(3, 950 * Sim.MiB, InitialPlacement.OnNode(0)) with { CpuUtilization = 0 },
            Sim.Process(4, 950 * Sim.MiB, InitialPlacement.OnNode(1)) with { CpuUtilization = 0 },
        ]);
        server.RunUntil(20_000);
        var snap = server.TakeSnapshot();
        Assert.Equal(2, snap.VmStat.NumaTaskSwapped);
        Assert.Equal(0, snap.VmStat.NumaTaskMigrated);
        Assert.Equal(1, server.Processes.Single(p => p.Pid == 1).Tasks[0].Node);
        Assert.Equal(0, server.Processes.Single(p => p.Pid == 2).Tasks[0].Node);
    }
}
