using NumaActors.Kernel.Decisions;
using NumaActors.Kernel.Reporting;
using ScottPlot;

namespace NumaActors.Host.Output;

/// <summary>
/// The charts of report.html, drawn with ScottPlot as PNG: fleet locality and balancing cost over time
/// per arm, locality gain against cost per workload and arm, migration and promotion rates, and the
/// stall distribution of latency-sensitive workloads. Every axis names its unit.
/// </summary>
public static class ReportPlots
{
    private const int Width = 900;
    private const int Height = 420;
    private const string TimeAxis = "simulated time (s)";

    /// <summary>Latency-sensitive workloads beyond this many get no stall chart of their own (the table still lists them).</summary>
    public const int MaxStallCharts = 6;

    /// <summary>Scatter points are labelled with their arm only while this few, so labels stay legible.</summary>
    private const int MaxLabelledPoints = 40;

    public static IReadOnlyList<ReportPlot> Draw(SimulationReport report, RecommendationSet recommendations)
    {
        var plots = new List<ReportPlot>
        {
            FleetSeries(report, "Fleet locality over time", "Share of memory accesses served by the accessing task's node, whole fleet, per arm.",
                "local access ratio (fraction of accesses)", r => r.LocalAccessRatio),
            FleetSeries(report, "Balancing cost over time", "CPU time spent scanning, in hinting faults and migrating, as a share of the fleet's CPU time, per arm.",
                "balancing CPU (% of CPU time)", r => r.BalancingCpuShare * 100),
            GainAgainstCost(recommendations),
            FleetRate(report, "Migrated pages over time", "numa_pages_migrated per second over each interval, whole fleet, per arm.",
                "pages migrated (4 KiB pages/s)", r => r.Vmstat.NumaPagesMigrated),
            FleetRate(report, "Promotions over time", "pgpromote_success per second over each interval (slow tier to fast tier), whole fleet, per arm.",
                "pages promoted (4 KiB pages/s)", r => r.Vmstat.PgpromoteSuccess),
        };
        var sensitive = report.Arms.Count == 0 ? [] : report.Arms[0].Workloads.Where(w => w.LatencySensitive).Select(w => w.Name).ToList();
        foreach (var name in sensitive.Take(MaxStallCharts)) plots.Add(StallDistribution(report, name));
        return plots;
    }

    private static ReportPlot FleetSeries(SimulationReport report, string title, string caption, string yLabel, Func<TimeseriesRow, double> value)
    {
        using var plot = new Plot();
        foreach (var (arm, i) in report.Arms.Select((a, i) => (a, i)))
        {
            var rows = FleetRows(arm);
            var line = plot.Add.ScatterLine(rows.Select(r => r.TSeconds).ToArray(), rows.Select(value).ToArray(), Colour(i));
            line.LegendText = arm.Name;
            line.LineWidth = 2;
        }
        return Finish(plot, title, caption, TimeAxis, yLabel);
    }

    private static ReportPlot FleetRate(SimulationReport report, string title, string caption, string yLabel, Func<TimeseriesRow, long> counter)
    {
        using var plot = new Plot();
        foreach (var (arm, i) in report.Arms.Select((a, i) => (a, i)))
        {
            var rows = FleetRows(arm);
            var xs = new List<double>();
            var ys = new List<double>();
            for (var k = 1; k < rows.Count; k++)
            {
                var dt = rows[k].TSeconds - rows[k - 1].TSeconds;
                if (dt <= 0) continue;
                xs.Add(rows[k].TSeconds);
                ys.Add((counter(rows[k]) - counter(rows[k - 1])) / dt);
            }
            var line = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray(), Colour(i));
            line.LegendText = arm.Name;
            line.LineWidth = 2;
        }
        return Finish(plot, title, caption, TimeAxis, yLabel);
    }

    /// <summary>The chart that answers the question: up is locality won, right is CPU paid; the dashed line is the budget.</summary>
    private static ReportPlot GainAgainstCost(RecommendationSet recommendations)
    {
        using var plot = new Plot();
        var points = recommendations.Workloads.Sum(r => r.Candidates.Count);
        foreach (var (r, i) in recommendations.Workloads.Select((r, i) => (r, i)))
        {
            var xs = r.Candidates.Select(c => c.CpuShare * 100).ToArray();
            var ys = r.Candidates.Select(c => c.LocalityGain * 100).ToArray();
            var dots = plot.Add.ScatterPoints(xs, ys, Colour(i));
            dots.LegendText = r.LatencySensitive ? $"{r.Name} (latency-sensitive)" : r.Name;
            dots.MarkerSize = 9;
            if (points > MaxLabelledPoints) continue;
            foreach (var c in r.Candidates)
            {
                var label = plot.Add.Text(c.Arm, c.CpuShare * 100, c.LocalityGain * 100);
                label.LabelFontSize = 10;
                label.LabelFontColor = Colour(i);
            }
        }
        var budget = plot.Add.VerticalLine(recommendations.Budget.CpuShare * 100, 1.5f, Colors.Gray, LinePattern.Dashed);
        budget.LegendText = $"CPU budget {recommendations.Budget.CpuShare * 100:0.###}%";
        return Finish(plot, "Locality gain against balancing cost, per workload and arm",
            "One point per workload and arm: gain in local access ratio over the workload's baseline arm (balancing off, or the first arm) against its balancing CPU share.",
            "balancing CPU (% of the workload's CPU time)", "locality gain (percentage points)");
    }

    /// <summary>Per arm, the spread of the per-interval stall p99 of one latency-sensitive workload.</summary>
    private static ReportPlot StallDistribution(SimulationReport report, string workload)
    {
        using var plot = new Plot();
        plot.Axes.Bottom.SetTicks(report.Arms.Select((_, i) => (double)i).ToArray(), report.Arms.Select((_, i) => $"{i + 1}").ToArray());
        foreach (var (arm, i) in report.Arms.Select((a, i) => (a, i)))
        {
            var values = arm.Timeseries.Where(r => r.Workload == workload && r.TSeconds > 0).Select(r => r.StallMsP99).Order().ToArray();
            if (values.Length == 0) continue;
            var box = new Box
            {
                Position = i,
                WhiskerMin = values[0],
                BoxMin = Quantile(values, 0.25),
                BoxMiddle = Quantile(values, 0.5),
                BoxMax = Quantile(values, 0.75),
                WhiskerMax = values[^1],
                FillColor = Colour(i).WithAlpha(0.6),
            };
            var boxes = plot.Add.Box(box);
            boxes.LegendText = $"{i + 1}: {arm.Name}";
        }
        return Finish(plot, $"Stall distribution of {workload} (latency-sensitive)",
            "Per arm (numbered as in the legend): the stall p99 (ms per 100 ms window) of each reporting interval; box from the 25th to the 75th percentile with the median, whiskers to the extremes.",
            "arm", "stall p99 per interval (ms)");
    }

    private static List<TimeseriesRow> FleetRows(ArmReport arm) =>
        arm.Timeseries.Where(r => r.Workload == "*").OrderBy(r => r.TSeconds).ToList();

    private static double Quantile(double[] sorted, double q)
    {
        var pos = q * (sorted.Length - 1);
        var lo = (int)Math.Floor(pos);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    private static Color Colour(int i) => new ScottPlot.Palettes.Category10().GetColor(i);

    private static ReportPlot Finish(Plot plot, string title, string caption, string xLabel, string yLabel)
    {
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.ShowLegend(Edge.Right);
        return new ReportPlot(title, caption, plot.GetImageBytes(Width, Height, ImageFormat.Png));
    }
}
