using System.Globalization;
using System.Text;
using NumaActors.Kernel.Observability;

namespace NumaActors.Kernel.Reporting;

/// <summary>
/// Writes <c>timeseries.csv</c> (CONTRACT.md §3): header, then one row per arm, workload and interval;
/// vmstat columns cumulative; <c>pages_on_node_0 … pages_on_node_N</c> with N the largest node id in the fleet.
/// </summary>
public static class TimeseriesCsv
{
    public static IReadOnlyList<string> Header(int maxNodeId)
    {
        var columns = new List<string>
        {
            "arm", "workload", "t_seconds", "local_access_ratio", "mean_access_latency_ns",
            "balancing_cpu_share", "stall_ms_p99", "stall_ms_max",
        };
        columns.AddRange(VmStatCounters.Zero.ByKernelName().Select(kv => kv.Key));
        for (var n = 0; n <= maxNodeId; n++) columns.Add($"pages_on_node_{n}");
        return columns;
    }

    public static void Write(SimulationReport report, int maxNodeId, TextWriter writer)
    {
        writer.WriteLine(string.Join(',', Header(maxNodeId)));
        var line = new StringBuilder();
        foreach (var arm in report.Arms)
        foreach (var row in arm.Timeseries)
        {
            line.Clear();
            line.Append(row.Arm).Append(',').Append(row.Workload).Append(',')
                .Append(F(row.TSeconds, 3)).Append(',')
                .Append(F(row.LocalAccessRatio, 6)).Append(',')
                .Append(F(row.MeanAccessLatencyNs, 3)).Append(',')
                .Append(F(row.BalancingCpuShare, 6)).Append(',')
                .Append(F(row.StallMsP99, 3)).Append(',')
                .Append(F(row.StallMsMax, 3));
            foreach (var (_, v) in row.Vmstat.ByKernelName()) line.Append(',').Append(v.ToString(CultureInfo.InvariantCulture));
            for (var n = 0; n <= maxNodeId; n++)
                line.Append(',').Append((n < row.PagesOnNode.Count ? row.PagesOnNode[n] : 0).ToString(CultureInfo.InvariantCulture));
            writer.WriteLine(line.ToString());
        }
    }

    private static string F(double value, int decimals) => ReportJson.Format(value, decimals);
}
