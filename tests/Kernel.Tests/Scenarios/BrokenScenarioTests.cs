using System.Text.RegularExpressions;
using NumaActors.Kernel.Scenarios;

namespace NumaActors.Kernel.Tests.Scenarios;

/// <summary>
/// Each file under Scenarios/Broken holds one kind of mistake (sometimes several instances of it) and
/// starts with one <c># expect: LINE:COLUMN: [warning: ]FRAGMENT</c> line per diagnostic it must produce.
/// The loader must report exactly those, at those positions, and nothing else.
/// </summary>
public partial class BrokenScenarioTests
{
    [GeneratedRegex(@"^# expect: (\d+):(\d+): (warning: )?(.+)$")]
    private static partial Regex ExpectLine();

    public static TheoryData<string> BrokenFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(RepoPaths.BrokenDir, "*.yaml").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(f));
        return data;
    }

    [Fact]
    public void There_is_a_broken_file_for_each_rule()
    {
        // One file per rule of the brief (see the file names); guards against the folder not being copied.
        Assert.True(BrokenFiles().Count >= 20, $"found only {BrokenFiles().Count} files in {RepoPaths.BrokenDir}");
    }

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void Broken_file_reports_exactly_the_expected_diagnostics(string file)
    {
        var path = Path.Combine(RepoPaths.BrokenDir, file);
        var expected = File.ReadLines(path)
            .TakeWhile(l => l.StartsWith('#'))
            .Select(l => ExpectLine().Match(l))
            .Where(m => m.Success)
            .Select(m => (Line: int.Parse(m.Groups[1].Value), Column: int.Parse(m.Groups[2].Value),
                Severity: m.Groups[3].Success ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, Fragment: m.Groups[4].Value))
            .ToList();
        Assert.NotEmpty(expected);

        var result = ScenarioLoader.Load(path, FakePolicyCatalog.Instance);

        var unmatched = result.Diagnostics.ToList();
        var missing = new List<string>();
        foreach (var e in expected)
        {
            var hit = unmatched.FirstOrDefault(d => d.Line == e.Line && d.Column == e.Column && d.Severity == e.Severity
                && d.Message.Contains(e.Fragment, StringComparison.Ordinal));
            if (hit is null) missing.Add($"{e.Line}:{e.Column}: {e.Severity}: {e.Fragment}");
            else unmatched.Remove(hit);
        }
        Assert.True(missing.Count == 0 && unmatched.Count == 0,
            $"missing:\n  {string.Join("\n  ", missing)}\nunexpected:\n  {string.Join("\n  ", unmatched)}");
        if (expected.Any(e => e.Severity == DiagnosticSeverity.Error)) Assert.Null(result.Scenario);
    }

    [Fact]
    public void Diagnostics_print_as_file_line_column_severity_message()
    {
        var error = new ScenarioDiagnostic("a.yaml", 3, 7, DiagnosticSeverity.Error, "bad");
        var warning = error with { Severity = DiagnosticSeverity.Warning };
        Assert.Equal("a.yaml:3:7: error: bad", error.ToString());
        Assert.Equal("a.yaml:3:7: warning: bad", warning.ToString());
    }
}
