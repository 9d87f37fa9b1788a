using NumaActors.Kernel.Knobs;
using NumaActors.Kernel.Model;
using NumaActors.Kernel.Phases;
using NumaActors.Kernel.Rules;
using NumaActors.Kernel.Tests.Support;

namespace NumaActors.Kernel.Tests.Model;

/// <summary>
/// <see cref="NodeModel.PhaseBIsIdle"/>: the actor engine skips a node's phase B when it says so,
/// so it must hold only where phase B really changes nothing.
/// </summary>
public class IdleNodeTests
{
    private static TickContext Tick(NumaBalancingMode mode, long nowMs) =>
        new(nowMs, 100, nowMs / 100, NumaBalancingKnobs.KernelDefaults with { Mode = mode }, TestGates.Global(mode), []);

    private static NodeModel FullTopTierNode()
    {
        var node = new NodeModel(0, 100_000, topTier: true, hasCpus: true, Watermarks.For(100_000, 200_000), demotionTarget: 1);
        node.Adjust(99_990); // below the low watermark
        return node;
    }

    [Theory]
    [InlineData(NumaBalancingMode.Normal)]
    [InlineData(NumaBalancingMode.Disabled)]
    public void Outside_tiering_a_phase_B_with_nothing_to_resolve_leaves_the_node_as_it_was(NumaBalancingMode mode)
    {
        var node = FullTopTierNode();
        var ctx = Tick(mode, 1_000);
        Assert.True(NodeModel.PhaseBIsIdle(ctx, transfers: 0, requests: 0));

        var before = node.Snapshot();
        var output = node.RunPhaseB(ctx, [], []);

        Assert.Empty(output.Results);
        Assert.Null(output.Demotion);
        Assert.Equal(before.UsedPages, node.Snapshot().UsedPages);
        Assert.Equal(before.VmStat, node.Snapshot().VmStat);
        Assert.Equal(node.View, output.View);
    }

    [Fact]
    public void In_tiering_mode_an_empty_phase_B_can_still_ask_kswapd_to_demote_so_it_is_never_idle()
    {
        var node = FullTopTierNode();
        var ctx = Tick(NumaBalancingMode.MemoryTiering, 1_000);

        Assert.False(NodeModel.PhaseBIsIdle(ctx, transfers: 0, requests: 0));
        Assert.NotNull(node.RunPhaseB(ctx, [], []).Demotion);
    }

    [Fact]
    public void Transfers_or_requests_make_a_phase_B_work()
    {
        var ctx = Tick(NumaBalancingMode.Normal, 1_000);
        Assert.False(NodeModel.PhaseBIsIdle(ctx, transfers: 1, requests: 0));
        Assert.False(NodeModel.PhaseBIsIdle(ctx, transfers: 0, requests: 1));
    }
}
