using System.Collections.Immutable;

namespace NumaActors.Kernel.Observability;

/// <summary>
/// One server at <see cref="NowMs"/>: per-process interval figures, per-node state, and the
/// server's cumulative vmstat (processes alive plus those already removed). <see cref="AutoNumaCostPercent"/>
/// is the mmtests-style "AutoNUMA cost": balancing CPU time as a percentage of the server's total CPU
/// time (all CPUs × elapsed), cumulative since start.
/// </summary>
public sealed record ServerSnapshot(
    int ServerId,
    long NowMs,
    ImmutableArray<ProcessSnapshot> Processes,
    ImmutableArray<NodeSnapshot> Nodes,
    VmStatCounters VmStat,
    double AutoNumaCostPercent);
