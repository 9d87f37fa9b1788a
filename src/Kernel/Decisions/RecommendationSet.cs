namespace NumaActors.Kernel.Decisions;

/// <summary>Every recommendation of a run: one per workload, then one per workload class of two or more workloads.</summary>
public sealed record RecommendationSet(
    DecisionBudget Budget,
    IReadOnlyList<Recommendation> Workloads,
    IReadOnlyList<Recommendation> Classes)
{
    public IEnumerable<Recommendation> All => Workloads.Concat(Classes);
}
