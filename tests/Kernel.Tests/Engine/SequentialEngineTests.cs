using NumaActors.Kernel.Engine;
using NumaActors.Kernel.Knobs;
using NumaActors.Kernel.Setup;
using NumaActors.Kernel.Tests.Support;

namespace NumaActors.Kernel.Tests.Engine;

public class SequentialEngineTests
{
    [Fact]
    public void Yields_t0_and_every_interval_and_applies_timeline_events_on_time()
    {
        var server = Sim.Server(TestMachines.TwoNode(), TestGates.Global(NumaBalancingMode.Disabled),
            processes: Sim.Process(1, 256 * Sim.MiB, InitialPlacement.OnNode(1), pin: [0]));
        ServerEvent[] events =
        [
            new SetKnobsEvent(5_000, 0, NumaBalancingKnobs.KernelDefaults with { Mode = NumaBalancingMode.Normal }, TestGates.Global(NumaBalancingMode.Normal)),
            new AddProcessEvent(8_000, 0, Sim.Process(2, 16 * Sim.MiB, InitialPlacement.FirstTouch)),
        ];
        var intervals = SequentialEngine.Run([server], events, durationMs: 10_000, intervalMs: 1_000).ToList();

        // 0 s, 1 s, ..., 10 s.
        Assert.Equal(Enumerable.Range(0, 11).Select(i => i * 1000L), intervals.Select(i => i.TimeMs));
        // Balancing switched on at 5 s: the first pass comes one scan period (1 s) later at the earliest.
        Assert.All(intervals.Where(i => i.TimeMs <= 5_000), i => Assert.Equal(0, i.Servers[0].VmStat.NumaPteUpdates));
        Assert.Equal(65_536, intervals[^1].Servers[0].VmStat.NumaPagesMigrated);
        Assert.Single(intervals[7].Servers[0].Processes);
        Assert.Equal(2, intervals[8].Servers[0].Processes.Length);
    }

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
