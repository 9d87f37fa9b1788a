using System.Globalization;
using System.Text;
using NumaActors.Kernel.Observability;

namespace NumaActors.Host.Metrics;

/// <summary>
/// Renders <see cref="RunMetrics"/> in the Prometheus text exposition format (version 0.0.4). The
/// kernel's counters keep their vmstat names, as node_exporter's <c>node_vmstat_*</c> do:
/// <c>numa_actors_vmstat_numa_hint_faults{arm,workload}</c>, workload <c>*</c> being the fleet, as in
/// timeseries.csv. An arm's figures appear once all its servers are done.
/// </summary>
public static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Render(RunMetrics metrics)
    {
        var (done, total, servers, completed) = metrics.Snapshot();
        var t = new StringBuilder();
        var scenario = $"scenario=\"{Label(metrics.Scenario)}\"";
        Family(t, "numa_actors_server_seconds_done", "gauge", "Simulated server-seconds finished so far, all arms.");
        Sample(t, "numa_actors_server_seconds_done", scenario, done);
        Family(t, "numa_actors_server_seconds_total", "gauge", "Simulated server-seconds the whole run will take, all arms.");
        Sample(t, "numa_actors_server_seconds_total", scenario, total);
        Family(t, "numa_actors_arm_servers_done", "gauge", "Servers of the arm that finished their run.");
        foreach (var (arm, d, _) in servers) Sample(t, "numa_actors_arm_servers_done", $"{scenario},arm=\"{Label(arm)}\"", d);
        Family(t, "numa_actors_arm_servers", "gauge", "Servers in each arm.");
        foreach (var (arm, _, n) in servers) Sample(t, "numa_actors_arm_servers", $"{scenario},arm=\"{Label(arm)}\"", n);

        var rows = completed.SelectMany(a =>
            a.Workloads.Select(w => (Labels: Labels(scenario, a.Name, w.Name), w.LocalAccessRatio.Mean, w.BalancingCpuShare, w.Vmstat))
                .Append((Labels: Labels(scenario, a.Name, "*"), a.Fleet.LocalAccessRatio, a.Fleet.BalancingCpuShare, a.Fleet.Vmstat))).ToList();
        Family(t, "numa_actors_local_access_ratio", "gauge", "Share of memory accesses served by the accessing task's node, mean over the run.");
        foreach (var r in rows) Sample(t, "numa_actors_local_access_ratio", r.Labels, r.Item2);
        Family(t, "numa_actors_balancing_cpu_share", "gauge", "CPU time in scanning, hinting faults and migration over CPU time.");
        foreach (var r in rows) Sample(t, "numa_actors_balancing_cpu_share", r.Labels, r.BalancingCpuShare);
        foreach (var (name, _) in VmStatCounters.Zero.ByKernelName())
        {
            var metric = "numa_actors_vmstat_" + name;
            Family(t, metric, "counter", $"The kernel's vmstat {name}, summed over the arm's servers (workload \"*\") or the workload's instances.");
            foreach (var r in rows) Sample(t, metric, r.Labels, r.Vmstat.ByKernelName().First(kv => kv.Key == name).Value);
        }
        return t.ToString();
    }

    private static string Labels(string scenario, string arm, string workload) => $"{scenario},arm=\"{Label(arm)}\",workload=\"{Label(workload)}\"";

    private static void Family(StringBuilder t, string name, string type, string help) =>
        t.Append("# HELP ").Append(name).Append(' ').Append(help.Replace("\\", "\\\\").Replace("\n", "\\n")).Append('\n')
         .Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    private static void Sample(StringBuilder t, string name, string labels, double value) =>
        t.Append(name).Append('{').Append(labels).Append("} ").Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');

    /// <summary>Label values escape backslash, double quote and line feed (text format 0.0.4).</summary>
    private static string Label(string v) => v.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");
}
