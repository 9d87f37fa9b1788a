using NumaActors.Kernel.Knobs;
using NumaActors.Kernel.Setup;
using NumaActors.Kernel.Tests.Support;

namespace NumaActors.Kernel.Tests.Model;

/// <summary>Issue 3, "Done when" 3: two tasks on different nodes sharing a buffer, or owning private halves.</summary>
public class SharingTests
{
    private static NumaActors.Kernel.Model.ServerModel TwoTasks(double shared)
    {
        // Two threads of one process, pinned to nodes 0 and 1; 256 MiB starting on node 0.
        var server = Sim.Server(TestMachines.TwoNode(), TestGates.Global(NumaBalancingMode.Normal),
            processes: Sim.Process(1, 256 * Sim.MiB, InitialPlacement.OnNode(0), tasks: 2, pin: [0, 1], shared: shared));
        return server;
    }

    [Fact]
    public void Private_halves_settle_local_and_migrations_stop()
    {
        var server = TwoTasks(shared: 0);
        server.RunUntil(20_000);
        var s20 = server.TakeSnapshot();
        var p = server.Processes[0];
        // Half (64 regions × 512 pages = 32,768 pages) belongs to the task on node 1 and moves there.
        Assert.Equal(32_768, p.PagesOnNode(1));
        Assert.Equal(32_768, p.PagesOnNode(0));
        server.RunUntil(60_000);
        var s60 = server.TakeSnapshot();
        Assert.True(s60.Processes[0].LocalAccessRatio > 0.99);
        // Two threads: local pages keep being marked and fault locally, but nothing moves any more.
        Assert.True(s60.VmStat.NumaHintFaults > s20.VmStat.NumaHintFaults);
        Assert.Equal(s20.VmStat.NumaPagesMigrated, s60.VmStat.NumaPagesMigrated);
    }

    [Fact]
    public void Shared_buffer_forms_one_group_splits_and_keeps_moving_at_a_damped_rate()
    {
        var server = TwoTasks(shared: 1.0);
        server.RunUntil(30_000);
        var s30 = server.TakeSnapshot();
        var p = server.Processes[0];
        Assert.Equal(p.Tasks[0].Group, p.Tasks[1].Group);
        Assert.True(p.Tasks[0].Group >= 0);
        // Pages end split between the two nodes (each task's faults pull pages to its node).
        long on0 = p.PagesOnNode(0), on1 = p.PagesOnNode(1);
        Assert.InRange(on1, 65_536 / 5, 65_536 * 4 / 5);
        Assert.Equal(65_536, on0 + on1);
        Assert.InRange(s30.Processes[0].LocalAccessRatio, 0.3, 0.7);

        server.RunUntil(60_000);
        var s60 = server.TakeSnapshot();
        long faults = s60.VmStat.NumaHintFaults - s30.VmStat.NumaHintFaults;
        long migrated = s60.VmStat.NumaPagesMigrated - s30.VmStat.NumaPagesMigrated;
        // Still moving (ping-pong is limited, not stopped) ...
        Assert.True(migrated > 0);
        // ... but damped: a remote fault migrates only when the page's previous remote fault came
        // from the same node (p² ≈ 1/4 for two equal sharers), and half the faults are local, so
        // well under half of the faults migrate.
        Assert.True(migrated < faults / 2, $"migrated {migrated} of {faults} faults");
    }
}
