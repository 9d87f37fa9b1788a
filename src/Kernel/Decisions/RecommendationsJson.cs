using System.Text;
using System.Text.Json;

namespace NumaActors.Kernel.Decisions;

/// <summary>
/// Writes <c>recommendations.json</c>: the budget, then per workload and per class the chosen arm and
/// setting, its figures, whether it met the budget and why it was chosen, and every candidate arm.
/// Keys in a fixed order and figures rounded as in report.json, so reruns give the same bytes.
/// </summary>
public static class RecommendationsJson
{
    public const int Schema = 1;

    public static void Write(RecommendationSet set, Stream stream)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteNumber("schema", Schema);
        w.WriteStartObject("budget");
        w.WriteNumber("balancing_cpu_share", Math.Round(set.Budget.CpuShare, 6));
        w.WriteNumber("stall_ms_p99", Math.Round(set.Budget.StallMsP99, 3));
        w.WriteEndObject();
        w.WriteStartArray("workloads");
        foreach (var r in set.Workloads) WriteOne(w, r);
        w.WriteEndArray();
        w.WriteStartArray("classes");
        foreach (var r in set.Classes) WriteOne(w, r);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static string ToText(RecommendationSet set)
    {
        using var ms = new MemoryStream();
        Write(set, ms);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    private static void WriteOne(Utf8JsonWriter w, Recommendation r)
    {
        w.WriteStartObject();
        w.WriteString("name", r.Name);
        if (r.IsClass)
        {
            w.WriteStartArray("workloads");
            foreach (var m in r.Members) w.WriteStringValue(m);
            w.WriteEndArray();
        }
        w.WriteBoolean("latency_sensitive", r.LatencySensitive);
        w.WriteString("baseline_arm", r.BaselineArm);
        w.WriteString("arm", r.Chosen.Arm);
        w.WriteString("setting", r.Chosen.Setting);
        if (!r.IsClass)
        {
            if (r.Policy is { } p)
            {
                w.WriteStartObject("policy");
                w.WriteString("kind", p.Kind);
                w.WriteStartObject("params");
                foreach (var (k, v) in p.Params) w.WriteString(k, v);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            else w.WriteNull("policy");
        }
        WriteFigures(w, r.Chosen);
        w.WriteBoolean("within_budget", r.WithinBudget);
        w.WriteString("reason", r.Reason);
        w.WriteStartArray("candidates");
        foreach (var c in r.Candidates)
        {
            w.WriteStartObject();
            w.WriteString("arm", c.Arm);
            w.WriteString("setting", c.Setting);
            WriteFigures(w, c);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteFigures(Utf8JsonWriter w, DecisionCandidate c)
    {
        w.WriteNumber("locality_gain", Math.Round(c.LocalityGain, 6));
        w.WriteNumber("balancing_cpu_share", Math.Round(c.CpuShare, 6));
        w.WriteNumber("stall_ms_p99", Math.Round(c.StallMsP99, 3));
    }
}
