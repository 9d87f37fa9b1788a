using NumaActors.Kernel.Knobs;
using NumaActors.Kernel.Reporting;
using NumaActors.Kernel.Scenarios;

namespace NumaActors.Kernel.Decisions;

/// <summary>
/// Recommendations from a run's arms. Per workload, the baseline is the first arm in which its
/// balancing was off (else the first arm), and each arm is a candidate with its gain over that
/// baseline (<see cref="DecisionRule"/>). A workload class is the cgroup parent of the workloads'
/// cgroups (<c>/kubepods/burstable</c> for <c>/kubepods/burstable/web</c>); classes of two or more
/// workloads get a recommendation of their own from figures weighted by CPU time (instances × tasks),
/// with the worst stall p99 of their latency-sensitive members.
/// </summary>
public static class FleetRecommender
{
    public static RecommendationSet Recommend(SimulationReport report, Scenario scenario, DecisionBudget budget)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(scenario);
        var arms = report.Arms;
        if (arms.Count == 0) return new RecommendationSet(budget, [], []);
        var armModels = arms.Select(a => scenario.Arms.FirstOrDefault(m => m.Name == a.Name)).ToList();

        var workloads = new List<Recommendation>();
        foreach (var w in arms[0].Workloads)
        {
            var figures = arms.Select(a => a.Workloads.First(x => x.Name == w.Name)).ToList();
            var baseIndex = Math.Max(0, figures.FindIndex(f => !f.BalancingEnabled));
            var candidates = figures.Select((f, i) => new DecisionCandidate(arms[i].Name, i,
                f.LocalAccessRatio.Mean - figures[baseIndex].LocalAccessRatio.Mean, f.BalancingCpuShare, f.StallMsP99,
                Setting(scenario, armModels[i], w.Name))).ToList();
            var (chosen, ok, reason) = DecisionRule.Choose(candidates, candidates[baseIndex], w.LatencySensitive, budget);
            var policy = armModels[chosen.ArmIndex] is { } arm ? PolicyFor(scenario, arm, w.Name) : null;
            workloads.Add(new Recommendation(w.Name, false, [w.Name], w.LatencySensitive, arms[baseIndex].Name,
                chosen, ok, reason, policy, candidates));
        }

        var classes = new List<Recommendation>();
        foreach (var group in arms[0].Workloads.GroupBy(w => ClassOf(scenario, w.Name), StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var members = group.Select(w => w.Name).ToList();
            var weights = members.Select(m => (double)Weight(scenario, arms[0].Workloads.First(w => w.Name == m))).ToList();
            var latencySensitive = group.Any(w => w.LatencySensitive);
            var perArm = arms.Select(a => members.Select(m => a.Workloads.First(w => w.Name == m)).ToList()).ToList();
            var baseIndex = Math.Max(0, perArm.FindIndex(fs => fs.All(f => !f.BalancingEnabled)));
            var baseLocality = Weighted(perArm[baseIndex].Select(f => f.LocalAccessRatio.Mean), weights);
            var candidates = perArm.Select((fs, i) =>
            {
                var settings = members.Select(m => Setting(scenario, armModels[i], m)).Distinct().ToList();
                return new DecisionCandidate(arms[i].Name, i,
                    Weighted(fs.Select(f => f.LocalAccessRatio.Mean), weights) - baseLocality,
                    Weighted(fs.Select(f => f.BalancingCpuShare), weights),
                    fs.Where(f => f.LatencySensitive).Select(f => f.StallMsP99).DefaultIfEmpty(0).Max(),
                    settings.Count == 1 ? settings[0] : $"as in arm {arms[i].Name}");
            }).ToList();
            var (chosen, ok, reason) = DecisionRule.Choose(candidates, candidates[baseIndex], latencySensitive, budget);
            classes.Add(new Recommendation(group.Key, true, members, latencySensitive, arms[baseIndex].Name,
                chosen, ok, reason, null, candidates));
        }
        return new RecommendationSet(budget, workloads, classes);
    }

    /// <summary>The cgroup parent of the workload's instances; "/" for a top-level cgroup.</summary>
    public static string ClassOf(Scenario scenario, string workload)
    {
        var template = scenario.FindWorkload(workload)?.CgroupTemplate ?? Workload.DefaultCgroup(workload);
        var cut = template.TrimEnd('/').LastIndexOf('/');
        return cut <= 0 ? "/" : template[..cut];
    }

    /// <summary>The program an arm attaches to the workload at the start, parameters as that arm runs them.</summary>
    public static PolicySpec? PolicyFor(Scenario scenario, Arm arm, string workload) =>
        scenario.AttachedPolicies(arm).FirstOrDefault(p => p.Attach?.Workload == workload);

    /// <summary>What the workload runs with in an arm, in words: its program and parameters, or the sysctl mode.</summary>
    public static string Setting(Scenario scenario, Arm? arm, string workload)
    {
        if (arm is null) return "?";
        var w = scenario.FindWorkload(workload);
        var mode = arm.Sysctl.Mode ?? (w is null ? null : scenario.FindClass(w.Class)?.Knobs.Mode) ?? NumaBalancingMode.Disabled;
        var policy = PolicyFor(scenario, arm, workload);
        var sysctl = mode == NumaBalancingMode.Disabled ? "" : $"numa_balancing={(int)mode}";
        if (policy is null) return sysctl.Length == 0 ? "balancing off" : $"{sysctl}, no program";
        var parameters = policy.Params.Count == 0 ? "" : " " + string.Join(" ", policy.Params.Select(kv => $"{kv.Key}={kv.Value}"));
        return $"{policy.Kind}{parameters}{(sysctl.Length == 0 ? "" : $" ({sysctl})")}";
    }

    private static long Weight(Scenario scenario, WorkloadReport w) =>
        Math.Max(1, (long)w.Instances * (scenario.FindWorkload(w.Name)?.Tasks ?? 1));

    private static double Weighted(IEnumerable<double> values, IReadOnlyList<double> weights)
    {
        double sum = 0, total = 0;
        var i = 0;
        foreach (var v in values)
        {
            sum += v * weights[i];
            total += weights[i++];
        }
        return total == 0 ? 0 : sum / total;
    }
}
