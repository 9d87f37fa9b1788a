using NumaActors.Kernel.Knobs;
using NumaActors.Kernel.Setup;
using NumaActors.Kernel.Tests.Support;

namespace NumaActors.Kernel.Tests.Model;

public class WindowStatsTests
{
    [Fact]
    public void Window_stats_are_deltas_since_the_previous_window()
    {
        var server = Sim.Server(TestMachines.TwoNode(), TestGates.Global(NumaBalancingMode.Normal),
            processes: Sim.Process(1, 256 * Sim.MiB, InitialPlacement.OnNode(1), pin: [0]));
        server.RunUntil(3_000);
        var first = server.Processes[0].TakeWindowStats(server.NowMs);
        server.RunUntil(6_000);
        var second = server.Processes[0].TakeWindowStats(server.NowMs);
        Assert.Equal(65_536, first.PagesMigrated);
        Assert.Equal(0, second.PagesMigrated);
        Assert.Equal(3_000_000_000L, second.WindowNs);
        // 10^7 accesses/s × 3 s, all local in the second window.
        Assert.Equal(30_000_000, second.Accesses);
        Assert.Equal(second.Accesses, second.LocalAccesses);
    }
}
