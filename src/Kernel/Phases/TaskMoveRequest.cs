using System.Collections.Immutable;

namespace NumaActors.Kernel.Phases;

/// <summary>
/// Phase C → phase D: <c>task_numa_migrate</c> for one task (kernel-model.md §4.4): move it from
/// <see cref="SrcNode"/> towards <see cref="PreferredNode"/>. Weights are per node, 0..1000:
/// task weights and group weights (equal to task weights for an ungrouped task).
/// </summary>
public sealed record TaskMoveRequest(
    int TaskId,
    int Pid,
    int SrcNode,
    int PreferredNode,
    bool Grouped,
    bool GroupSpread,
    ImmutableArray<long> TaskWeights,
    ImmutableArray<long> GroupWeights,
    ImmutableArray<bool> AllowedNodes);
