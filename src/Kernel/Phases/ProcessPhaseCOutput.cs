using System.Collections.Immutable;

namespace NumaActors.Kernel.Phases;

/// <summary>What one process hands on after phase C.</summary>
public sealed record ProcessPhaseCOutput(
    ImmutableArray<TaskMoveRequest> MoveRequests,
    ImmutableArray<PageTransfer> Transfers,
    ImmutableArray<TaskPlacementInfo> Placements);
