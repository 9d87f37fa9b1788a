namespace NumaActors.Kernel.Scenarios;

/// <summary>
/// Attach target: every instance of <see cref="Workload"/>. Leaf cgroups only unless
/// <see cref="Hierarchical"/> (CONTRACT.md §2).
/// </summary>
public sealed record PolicyAttach(string Workload, bool Hierarchical = false);
