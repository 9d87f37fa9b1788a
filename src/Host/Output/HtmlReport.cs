using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using NumaActors.Kernel.Decisions;
using NumaActors.Kernel.Reporting;

namespace NumaActors.Host.Output;

/// <summary>
/// A self-contained report.html (no network needed; also well-formed XML): the recommendations, the
/// charts (PNG embedded as data URIs), then per arm the fleet and per-workload figures and the timeline
/// as it happened.
/// </summary>
public static class HtmlReport
{
    public static string Render(SimulationReport report, RecommendationSet recommendations)
    {
        var clock = Stopwatch.StartNew();
        var plots = ReportPlots.Draw(report, recommendations);
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>")
         .Append(E(report.Scenario)).Append(" — NumaActors</title>\n<style>")
         .Append("body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}")
         .Append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th{background:#f3f3f3}td:first-child{text-align:left}")
         .Append("td.text{text-align:left}tr.over td{color:#a33}figure{margin:1.5em 0}figcaption{color:#555;max-width:900px}")
         .Append("</style></head><body>\n");
        h.Append("<h1>").Append(E(report.Scenario)).Append("</h1>\n<p>seed ").Append(report.Seed)
         .Append(", ").Append(F(report.SimulatedSeconds, "0.#")).Append(" s simulated, engine ").Append(E(report.Engine.Kind))
         .Append(", ").Append(F(report.Engine.WallSeconds, "0.00")).Append(" s wall</p>\n");
        Recommendations(h, recommendations);
        h.Append("<h2>Charts</h2>\n");
        foreach (var p in plots)
            h.Append("<figure><h3>").Append(E(p.Title)).Append("</h3><img alt=\"").Append(E(p.Title)).Append("\" width=\"900\" height=\"420\" src=\"data:image/png;base64,")
             .Append(Convert.ToBase64String(p.Png)).Append("\"/><figcaption>").Append(E(p.Caption)).Append("</figcaption></figure>\n");
        foreach (var arm in report.Arms) Arm(h, arm);
        h.Append("<p>charts drawn in ").Append(clock.ElapsedMilliseconds).Append(" ms</p>\n</body></html>\n");
        return h.ToString();
    }

    private static void Recommendations(StringBuilder h, RecommendationSet set)
    {
        h.Append("<h2>Recommendations</h2>\n<p>Budget: balancing CPU at most ").Append(F(set.Budget.CpuShare * 100, "0.###"))
         .Append("% of the workload's CPU time; for latency-sensitive workloads also stall p99 at most ")
         .Append(F(set.Budget.StallMsP99, "0.###")).Append(" ms per 100 ms window. Gain: local access ratio (mean) over the baseline arm.</p>\n")
         .Append("<table><tr><th>workload or class</th><th>latency-sensitive</th><th>recommended arm</th><th>setting</th><th>baseline arm</th>")
         .Append("<th>locality gain (pp)</th><th>balancing CPU</th><th>stall p99 (ms)</th><th>why</th></tr>\n");
        foreach (var r in set.All)
            h.Append(r.WithinBudget ? "<tr>" : "<tr class=\"over\">").Append("<td>").Append(E(r.IsClass ? $"class {r.Name} ({string.Join(", ", r.Members)})" : r.Name))
             .Append("</td><td>").Append(r.LatencySensitive ? "yes" : "no").Append("</td><td class=\"text\">").Append(E(r.Chosen.Arm))
             .Append("</td><td class=\"text\">").Append(E(r.Chosen.Setting)).Append("</td><td class=\"text\">").Append(E(r.BaselineArm))
             .Append("</td><td>").Append(F(r.Chosen.LocalityGain * 100, "+0.00;-0.00;0.00")).Append("</td><td>").Append(F(r.Chosen.CpuShare * 100, "0.000"))
             .Append("%</td><td>").Append(F(r.Chosen.StallMsP99, "0.00")).Append("</td><td class=\"text\">").Append(E(r.Reason)).Append("</td></tr>\n");
        h.Append("</table>\n");
    }

    private static void Arm(StringBuilder h, ArmReport arm)
    {
        h.Append("<h2>arm ").Append(E(arm.Name)).Append("</h2>\n<table><tr><th>workload</th><th>instances</th><th>balancing</th>")
         .Append("<th>local start</th><th>local end</th><th>local mean</th><th>latency (ns)</th><th>balancing CPU</th>")
         .Append("<th>stall p99 (ms)</th><th>stall max (ms)</th><th>hint faults</th><th>pages migrated</th><th>promoted</th></tr>\n");
        foreach (var w in arm.Workloads)
            h.Append("<tr><td>").Append(E(w.Name)).Append(w.LatencySensitive ? " (latency-sensitive)" : "").Append("</td><td>")
             .Append(w.Instances).Append("</td><td>").Append(w.BalancingEnabled ? "on" : "off").Append("</td><td>")
             .Append(F(w.LocalAccessRatio.Start, "0.000")).Append("</td><td>").Append(F(w.LocalAccessRatio.End, "0.000"))
             .Append("</td><td>").Append(F(w.LocalAccessRatio.Mean, "0.000")).Append("</td><td>").Append(F(w.MeanAccessLatencyNs, "0.0"))
             .Append("</td><td>").Append(F(w.BalancingCpuShare * 100, "0.0000")).Append("%</td><td>").Append(F(w.StallMsP99, "0.00"))
             .Append("</td><td>").Append(F(w.StallMsMax, "0.00")).Append("</td><td>").Append(w.Vmstat.NumaHintFaults)
             .Append("</td><td>").Append(w.Vmstat.NumaPagesMigrated).Append("</td><td>").Append(w.Vmstat.PgpromoteSuccess).Append("</td></tr>\n");
        var f = arm.Fleet;
        h.Append("<tr><th>fleet (").Append(f.Servers).Append(" servers)</th><td></td><td></td><td></td><td></td><td>")
         .Append(F(f.LocalAccessRatio, "0.000")).Append("</td><td>").Append(F(f.MeanAccessLatencyNs, "0.0")).Append("</td><td>")
         .Append(F(f.BalancingCpuShare * 100, "0.0000")).Append("%</td><td></td><td></td><td>").Append(f.Vmstat.NumaHintFaults)
         .Append("</td><td>").Append(f.Vmstat.NumaPagesMigrated).Append("</td><td>").Append(f.Vmstat.PgpromoteSuccess).Append("</td></tr></table>\n");
        if (arm.Events.Count == 0) return;
        h.Append("<table><tr><th>t (s)</th><th>event</th><th>target</th><th>result</th></tr>\n");
        foreach (var e in arm.Events)
            h.Append("<tr><td>").Append(F(e.TSeconds, "0.###")).Append("</td><td>").Append(E(e.Kind)).Append("</td><td>")
             .Append(E(e.Target)).Append("</td><td>").Append(E(e.Detail)).Append("</td></tr>\n");
        h.Append("</table>\n");
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
}
