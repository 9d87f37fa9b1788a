using System.Collections.Immutable;
using NumaActors.Kernel.Hooks;
using NumaActors.Kernel.Knobs;

namespace NumaActors.Kernel.Phases;

/// <summary>
/// Read-only inputs every phase of one tick sees: the time at the end of the tick, the step, the
/// server's knobs and gates, and the node views published by the previous phase B.
/// </summary>
public sealed record TickContext(long NowMs, int TickMs, long TickIndex, NumaBalancingKnobs Knobs, INumabGates Gates, ImmutableArray<NodeView> Nodes)
{
    public long StartMs => NowMs - TickMs;
}
