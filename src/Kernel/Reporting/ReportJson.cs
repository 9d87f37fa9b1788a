using System.Globalization;
using System.Text;
using System.Text.Json;
using NumaActors.Kernel.Observability;

namespace NumaActors.Kernel.Reporting;

/// <summary>
/// Writes <c>report.json</c> with CONTRACT.md §3's keys in a fixed order, so two runs with the same
/// results give the same bytes. <see cref="SimulationResultsJson"/> leaves the engine block out: it is
/// what engines, member counts and repeated runs must agree on.
/// </summary>
public static class ReportJson
{
    public static void Write(SimulationReport report, Stream stream, bool includeEngine = true)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteNumber("schema", SimulationReport.Schema);
        w.WriteString("scenario", report.Scenario);
        w.WriteNumber("seed", report.Seed);
        w.WriteNumber("simulated_seconds", report.SimulatedSeconds);
        if (includeEngine)
        {
            w.WriteStartObject("engine");
            w.WriteString("kind", report.Engine.Kind);
            w.WriteNumber("members", report.Engine.Members);
            w.WriteNumber("wall_seconds", Math.Round(report.Engine.WallSeconds, 3));
            w.WriteNumber("server_seconds_per_wall_second", Math.Round(report.Engine.ServerSecondsPerWallSecond, 1));
            w.WriteEndObject();
        }
        w.WriteStartArray("arms");
        foreach (var arm in report.Arms) WriteArm(w, arm);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static string ToText(SimulationReport report, bool includeEngine = true)
    {
        using var ms = new MemoryStream();
        Write(report, ms, includeEngine);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>The report without the engine block: equal across engines, members and reruns.</summary>
    public static string SimulationResultsJson(SimulationReport report) => ToText(report, includeEngine: false);

    private static void WriteArm(Utf8JsonWriter w, ArmReport arm)
    {
        w.WriteStartObject();
        w.WriteString("name", arm.Name);
        w.WriteStartObject("fleet");
        w.WriteNumber("servers", arm.Fleet.Servers);
        WriteRatio(w, "local_access_ratio", arm.Fleet.LocalAccessRatio);
        WriteFigure(w, "mean_access_latency_ns", arm.Fleet.MeanAccessLatencyNs);
        WriteRatio(w, "balancing_cpu_share", arm.Fleet.BalancingCpuShare);
        WriteVmstat(w, arm.Fleet.Vmstat);
        w.WriteEndObject();

        w.WriteStartArray("workloads");
        foreach (var wl in arm.Workloads)
        {
            w.WriteStartObject();
            w.WriteString("name", wl.Name);
            w.WriteNumber("instances", wl.Instances);
            w.WriteBoolean("balancing_enabled", wl.BalancingEnabled);
            w.WriteBoolean("latency_sensitive", wl.LatencySensitive);
            w.WriteStartObject("local_access_ratio");
            WriteRatio(w, "start", wl.LocalAccessRatio.Start);
            WriteRatio(w, "end", wl.LocalAccessRatio.End);
            WriteRatio(w, "mean", wl.LocalAccessRatio.Mean);
            w.WriteEndObject();
            WriteFigure(w, "mean_access_latency_ns", wl.MeanAccessLatencyNs);
            WriteRatio(w, "balancing_cpu_share", wl.BalancingCpuShare);
            WriteFigure(w, "stall_ms_p99", wl.StallMsP99);
            WriteFigure(w, "stall_ms_max", wl.StallMsMax);
            WriteVmstat(w, wl.Vmstat);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("events");
        foreach (var e in arm.Events)
        {
            w.WriteStartObject();
            w.WriteNumber("t_seconds", e.TSeconds);
            w.WriteString("kind", e.Kind);
            w.WriteString("target", e.Target);
            w.WriteString("detail", e.Detail);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteVmstat(Utf8JsonWriter w, VmStatCounters v)
    {
        w.WriteStartObject("vmstat");
        foreach (var (name, value) in v.ByKernelName()) w.WriteNumber(name, value);
        w.WriteEndObject();
    }

    // Ratios keep 6 significant decimals and figures 3: enough for any reader, stable as text.
    private static void WriteRatio(Utf8JsonWriter w, string name, double value) => w.WriteNumber(name, Math.Round(value, 6));

    private static void WriteFigure(Utf8JsonWriter w, string name, double value) => w.WriteNumber(name, Math.Round(value, 3));

    internal static string Format(double value, int decimals) =>
        Math.Round(value, decimals).ToString("0.######", CultureInfo.InvariantCulture);
}
