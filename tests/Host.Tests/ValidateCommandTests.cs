using System.Text.RegularExpressions;

namespace NumaActors.Host.Tests;

public sealed partial class ValidateCommandTests
{
    public static TheoryData<string> Examples() =>
        [.. Directory.GetFiles(RepoPaths.Of("examples"), "*.yaml").Select(f => Path.GetFileName(f)!).Order()];

    public static TheoryData<string> BrokenFiles() =>
        [.. Directory.GetFiles(RepoPaths.Of("tests", "Kernel.Tests", "Scenarios", "Broken"), "*.yaml").Select(f => Path.GetFileName(f)!).Order()];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_is_ok(string example)
    {
        var run = CliRun.Of("validate", RepoPaths.Of("examples", example));

        Assert.Equal("", run.Err);
        Assert.Equal("ok", run.Out.Trim());
        Assert.Equal(0, run.ExitCode);
    }

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void A_broken_file_exits_2_with_one_located_error_per_mistake(string file)
    {
        var path = RepoPaths.Of("tests", "Kernel.Tests", "Scenarios", "Broken", file);
        var expected = File.ReadLines(path).Select(l => Expect().Match(l)).Where(m => m.Success).ToList();

        var run = CliRun.Of("validate", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.DoesNotContain("   at ", run.Err);
        var diagnostics = run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.Contains(": error: ") || l.Contains(": warning: ")).ToList();
        Assert.Equal(expected.Count, diagnostics.Count);
        foreach (var e in expected)
        {
            var msg = e.Groups["msg"].Value.Trim();
            var severity = msg.StartsWith("warning: ", StringComparison.Ordinal) ? "warning" : "error";
            var fragment = severity == "warning" ? msg["warning: ".Length..] : msg;
            Assert.Contains(diagnostics, line =>
                line.StartsWith($"{path}:{e.Groups["pos"].Value}: {severity}: ", StringComparison.Ordinal) &&
                line.Contains(fragment, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_missing_file_is_bad_input_with_its_name()
    {
        var run = CliRun.Of("validate", "/nonexistent/scenario.yaml");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("/nonexistent/scenario.yaml", run.Err);
    }

    [GeneratedRegex(@"^# expect: (?<pos>\d+:\d+): (?<msg>.*)$")]
    private static partial Regex Expect();
}
