using System.Text.Json;

namespace NumaActors.Host.Tests;

/// <summary>Reads a written report.json for comparisons between runs.</summary>
public static class ReportFile
{
    /// <summary>Every top-level field but the <c>engine</c> block: what both engines must agree on.</summary>
    public static string SimulationResults(string reportPath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(reportPath));
        return string.Join("\n", doc.RootElement.EnumerateObject().Where(p => p.Name != "engine").Select(p => p.Value.GetRawText()));
    }
}
