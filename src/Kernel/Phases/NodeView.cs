namespace NumaActors.Kernel.Phases;

/// <summary>
/// End of phase B → read by phase A of the next tick: the node's free pages, watermarks, whether
/// it has plenty of free space for promotions (<c>pgdat_free_space_enough</c>) and its adjusted
/// hot threshold (<c>nbp_threshold</c>, 0 = use the default).
/// </summary>
public readonly record struct NodeView(int Node, long FreePages, long HighWatermark, bool FreeSpaceEnough, long ThresholdMs);
