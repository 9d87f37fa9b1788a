using NumaActors.Host.Cli;
using NumaActors.Kernel.Decisions;
using NumaActors.Kernel.Reporting;
using NumaActors.Kernel.Scenarios;

namespace NumaActors.Host.Output;

/// <summary>What every finished run leaves behind, in-process or on a cluster host: the files, the summary and the recommendations.</summary>
public static class RunOutputs
{
    public static void Write(CliConsole console, string outDir, SimulationReport report, Scenario scenario, DecisionBudget budget)
    {
        var recommendations = FleetRecommender.Recommend(report, scenario, budget);
        ReportFiles.Write(outDir, report, scenario, recommendations);
        SummaryTable.Write(console, report);
        RecommendationTable.Write(console, recommendations);
        console.Out.WriteLine($"wrote {Path.Combine(outDir, ReportFiles.ReportJsonName)}, {ReportFiles.TimeseriesName}, {ReportFiles.ReportHtmlName}, " +
            $"{ReportFiles.RecommendationsName}, {ReportFiles.RecommendedPoliciesName}");
    }
}
