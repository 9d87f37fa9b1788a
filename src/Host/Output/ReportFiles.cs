using NumaActors.Kernel.Decisions;
using NumaActors.Kernel.Reporting;
using NumaActors.Kernel.Scenarios;

namespace NumaActors.Host.Output;

/// <summary>
/// Writes a run's files. They are written into a fresh folder beside the target and moved into
/// place at the end, so a failed write never leaves a half report behind.
/// </summary>
public static class ReportFiles
{
    public const string ReportJsonName = "report.json";
    public const string TimeseriesName = "timeseries.csv";
    public const string ReportHtmlName = "report.html";
    public const string RecommendationsName = "recommendations.json";
    public const string RecommendedPoliciesName = "recommended-policies.yaml";

    private static readonly string[] Names = [ReportJsonName, TimeseriesName, ReportHtmlName, RecommendationsName, RecommendedPoliciesName];

    public static void Write(string outDir, SimulationReport report, Scenario scenario, RecommendationSet recommendations)
    {
        var target = Path.GetFullPath(outDir);
        var staging = target.TrimEnd(Path.DirectorySeparatorChar) + $".partial-{Environment.ProcessId}";
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        try
        {
            using (var json = File.Create(Path.Combine(staging, ReportJsonName))) ReportJson.Write(report, json);
            using (var csv = new StreamWriter(Path.Combine(staging, TimeseriesName))) TimeseriesCsv.Write(report, MaxNodeId(scenario), csv);
            File.WriteAllText(Path.Combine(staging, ReportHtmlName), HtmlReport.Render(report, recommendations));
            using (var json = File.Create(Path.Combine(staging, RecommendationsName))) RecommendationsJson.Write(recommendations, json);
            File.WriteAllText(Path.Combine(staging, RecommendedPoliciesName), RecommendedPoliciesYaml.Render(recommendations, scenario));
            Directory.CreateDirectory(target);
            foreach (var name in Names)
                File.Move(Path.Combine(staging, name), Path.Combine(target, name), overwrite: true);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    public static int MaxNodeId(Scenario scenario) => scenario.Fleet.Max(c => c.Machine.NodeCount) - 1;
}
