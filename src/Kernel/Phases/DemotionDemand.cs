namespace NumaActors.Kernel.Phases;

/// <summary>
/// Phase B → phase C: kswapd on a full top-tier node wants <see cref="Pages"/> cold pages demoted
/// to <see cref="TargetNode"/> (kernel-model.md §5.3, §5.4). Each process takes its share in
/// proportion to its resident pages on the node (<see cref="NodeUsedPages"/>).
/// </summary>
public readonly record struct DemotionDemand(int Node, int TargetNode, long Pages, long NodeUsedPages);
