using System.Collections.Immutable;

namespace NumaActors.Kernel.Phases;

/// <summary>
/// Phase C → phase D: what the server's swap search needs to know of a task (published after each
/// placement): node, preferred node, weights per node, and where it may run.
/// </summary>
public sealed record TaskPlacementInfo(
    int TaskId,
    int Pid,
    int Node,
    int PreferredNode,
    ImmutableArray<long> TaskWeights,
    ImmutableArray<bool> AllowedNodes,
    bool Running);
