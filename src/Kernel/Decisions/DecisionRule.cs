namespace NumaActors.Kernel.Decisions;

/// <summary>
/// The choice among arms for one workload: the best locality gain among the arms within budget
/// (balancing CPU share, and stall p99 for latency-sensitive ones). Gains are compared at the report's
/// precision (6 decimals), so equal figures tie; ties go to the lower CPU share, then the lower stall
/// p99, then the arm listed first. With no arm within budget the baseline is kept.
/// </summary>
public static class DecisionRule
{
    public static (DecisionCandidate Chosen, bool WithinBudget, string Reason) Choose(
        IReadOnlyList<DecisionCandidate> candidates, DecisionCandidate baseline, bool latencySensitive, DecisionBudget budget)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(budget);
        var eligible = candidates.Where(c => Fits(c, latencySensitive, budget)).ToList();
        if (eligible.Count == 0)
            return (baseline, false, latencySensitive
                ? $"no arm within {Percent(budget.CpuShare)} CPU and {budget.StallMsP99:0.###} ms stall p99; keep the baseline"
                : $"no arm within {Percent(budget.CpuShare)} CPU; keep the baseline");
        var best = eligible
            .OrderByDescending(c => Math.Round(c.LocalityGain, 6))
            .ThenBy(c => Math.Round(c.CpuShare, 6))
            .ThenBy(c => Math.Round(c.StallMsP99, 3))
            .ThenBy(c => c.ArmIndex)
            .First();
        var excluded = candidates.Count - eligible.Count;
        var over = excluded > 0 ? $" ({excluded} arm{(excluded == 1 ? "" : "s")} over budget)" : "";
        var reason = Math.Round(best.LocalityGain, 6) <= 0
            ? $"no arm within budget gains locality over the baseline{over}"
            : $"best locality gain within budget{over}";
        return (best, true, reason);
    }

    public static bool Fits(DecisionCandidate c, bool latencySensitive, DecisionBudget budget) =>
        Math.Round(c.CpuShare, 6) <= Math.Round(budget.CpuShare, 6)
        && (!latencySensitive || Math.Round(c.StallMsP99, 3) <= Math.Round(budget.StallMsP99, 3));

    private static string Percent(double share) => $"{share * 100:0.###}%";
}
