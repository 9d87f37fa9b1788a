using System.Globalization;
using System.Net;
using System.Text;
using NumaActors.Kernel.Reporting;

namespace NumaActors.Host.Output;

/// <summary>
/// A self-contained report.html (no network needed): per arm, the fleet and per-workload figures and
/// the timeline as it happened. Plots come with the decision report (issue 7).
/// </summary>
public static class HtmlReport
{
    public static string Render(SimulationReport report)
    {
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
         .Append(E(report.Scenario)).Append(" — NumaActors</title>\n<style>")
         .Append("body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}")
         .Append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th{background:#f3f3f3}td:first-child{text-align:left}")
         .Append("</style></head><body>\n");
        h.Append("<h1>").Append(E(report.Scenario)).Append("</h1>\n<p>seed ").Append(report.Seed)
         .Append(", ").Append(F(report.SimulatedSeconds, "0.#")).Append(" s simulated, engine ").Append(E(report.Engine.Kind))
         .Append(", ").Append(F(report.Engine.WallSeconds, "0.00")).Append(" s wall</p>\n");
        foreach (var arm in report.Arms)
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
            if (arm.Events.Count > 0)
            {
                h.Append("<table><tr><th>t (s)</th><th>event</th><th>target</th><th>result</th></tr>\n");
                foreach (var e in arm.Events)
                    h.Append("<tr><td>").Append(F(e.TSeconds, "0.###")).Append("</td><td>").Append(E(e.Kind)).Append("</td><td>")
                     .Append(E(e.Target)).Append("</td><td>").Append(E(e.Detail)).Append("</td></tr>\n");
                h.Append("</table>\n");
            }
        }
        h.Append("</body></html>\n");
        return h.ToString();
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
}
