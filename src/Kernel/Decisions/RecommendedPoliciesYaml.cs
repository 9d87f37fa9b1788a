using System.Text;
using NumaActors.Kernel.Knobs;
using NumaActors.Kernel.Scenarios;

namespace NumaActors.Kernel.Decisions;

/// <summary>
/// Writes <c>recommended-policies.yaml</c>: a scenario <c>policies:</c> block with one policy per
/// workload whose recommended arm attaches a program to it (named <c>recommended-WORKLOAD</c>, kind and
/// parameters as that arm ran them). Workloads recommended to run without a program, and arms whose
/// sysctl a policy cannot express, are explained in comments.
/// </summary>
public static class RecommendedPoliciesYaml
{
    public const string NamePrefix = "recommended-";

    public static string Render(RecommendationSet set, Scenario scenario)
    {
        var y = new StringBuilder();
        y.Append("# Recommended hook programs for scenario '").Append(scenario.Name).Append("' (numa-actors run), budget ")
         .Append(Fmt(set.Budget.CpuShare * 100)).Append("% balancing CPU, ").Append(Fmt(set.Budget.StallMsP99))
         .Append(" ms stall p99 for latency-sensitive workloads.\n")
         .Append("# To check them, replace the scenario's policies: and arms: with this block (one default arm then\n")
         .Append("# attaches every policy), or add these policies and an arm { name: recommended, policies: [...] }.\n");
        var policies = new List<string>();
        var body = new StringBuilder();
        foreach (var r in set.Workloads)
        {
            var arm = scenario.Arms.FirstOrDefault(a => a.Name == r.Chosen.Arm);
            body.Append("  # ").Append(r.Name).Append(": arm ").Append(r.Chosen.Arm).Append(", locality ")
                .Append(r.Chosen.LocalityGain >= 0 ? "+" : "").Append(Fmt(r.Chosen.LocalityGain * 100)).Append(" pp vs ")
                .Append(r.BaselineArm).Append(", CPU ").Append(Fmt(r.Chosen.CpuShare * 100)).Append("%, stall p99 ")
                .Append(Fmt(r.Chosen.StallMsP99)).Append(" ms").Append(r.WithinBudget ? "" : " (no arm within budget)").Append('\n');
            if (arm is not null && !arm.Sysctl.IsEmpty)
                body.Append("  # note: arm ").Append(arm.Name).Append(" also sets ").Append(Sysctl(arm.Sysctl))
                    .Append(" on every class; a policy cannot: set it in the class's sysctl\n");
            if (r.Policy is not { } p)
            {
                body.Append("  # ").Append(r.Name).Append(": no program (").Append(r.Chosen.Setting).Append(")\n");
                continue;
            }
            var name = NamePrefix + r.Name;
            policies.Add(name);
            body.Append("  - name: ").Append(name).Append('\n')
                .Append("    kind: ").Append(p.Kind).Append('\n');
            if (p.Params.Count > 0)
                body.Append("    params: { ").Append(string.Join(", ", p.Params.Select(kv => $"{kv.Key}: {Scalar(kv.Value)}"))).Append(" }\n");
            if (p.ObjectPath is { } o) body.Append("    object: ").Append(Scalar(o)).Append('\n');
            body.Append("    attach: { workload: ").Append(r.Name).Append(p.Attach is { Hierarchical: true } ? ", hierarchical: true" : "").Append(" }\n");
        }
        y.Append(policies.Count == 0 ? "policies: []\n" : "policies:\n").Append(body);
        if (policies.Count > 0) y.Append("# arms: [{ name: recommended, policies: [").Append(string.Join(", ", policies)).Append("] }]\n");
        return y.ToString();
    }

    private static string Sysctl(SysctlOverrides s)
    {
        var parts = new List<string>();
        if (s.Mode is { } m) parts.Add($"numa_balancing: {(int)m}");
        if (s.ScanSizeMb is { } size) parts.Add($"scan_size: {size}MiB");
        if (s.HotThresholdMs is { } th) parts.Add($"hot_threshold: {th}ms");
        if (s.ScanPeriodMinMs is { } pmin) parts.Add($"scan_period_min: {pmin}ms");
        if (s.ScanPeriodMaxMs is { } pmax) parts.Add($"scan_period_max: {pmax}ms");
        if (s.ScanDelayMs is { } delay) parts.Add($"scan_delay: {delay}ms");
        if (s.PromoteRateLimitMBps is { } rate) parts.Add($"promote_rate_limit: {rate}MiB/s");
        return "sysctl { " + string.Join(", ", parts) + " }";
    }

    /// <summary>Parameter values are plain scalars in practice; anything YAML would misread is quoted.</summary>
    private static string Scalar(string v) =>
        v.Length > 0 && v.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '/' or '-' or '_') ? v : "'" + v.Replace("'", "''") + "'";

    private static string Fmt(double v) => v.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
