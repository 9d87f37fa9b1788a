namespace NumaActors.Kernel.Setup;

/// <summary>Where a process's memory starts (CONTRACT.md §2 <c>initial_memory</c>).</summary>
public enum InitialPlacementKind
{
    /// <summary>Each private slice on its task's node; the shared slice on task 0's node.</summary>
    FirstTouch,

    /// <summary>Pages round-robin over the allowed memory nodes (numactl --interleave).</summary>
    Interleave,

    /// <summary>All pages on one node.</summary>
    Node,

    /// <summary>Whole regions round-robin over the allowed top-tier nodes.</summary>
    Spread,
}
