namespace NumaActors.Host.Import;

/// <summary>Where the scheduler bound a pod: a node index, or null when it fit nowhere (with why).</summary>
public sealed record PodPlacement(OpenbPod Pod, int? Node, string? Reason);
