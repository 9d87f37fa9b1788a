namespace NumaActors.Kernel.Hooks;

/// <summary>One cgroup's balancing figures over the last statistics window (deltas, not totals).</summary>
public readonly record struct CgroupWindowStats(
    long NowNs,
    long WindowNs,
    long Accesses,
    long LocalAccesses,
    long HintFaults,
    long HintFaultsLocal,
    long PagesMigrated,
    long PromoteCandidates,
    long PromoteSuccess,
    long ResidentPages);
