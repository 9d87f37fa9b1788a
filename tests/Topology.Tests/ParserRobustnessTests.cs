using NumaActors.Topology.Parsing;

namespace NumaActors.Topology.Tests;

/// <summary>Bad input never throws out of the parser: every cut and every dropped line gives a machine or errors.</summary>
public class ParserRobustnessTests
{
    public static TheoryData<string> Fixtures() => new(
        "intel-xeon-2s-c5n.numactl", "amd-epyc-7413-2s-nps4.numactl", "intel-spr-2s-cxl.numactl");

    private static void AssertMachineOrLineNumberedErrors(string text)
    {
        var result = NumactlHardwareParser.Parse("f", text, "f");
        var lineCount = Math.Max(1, text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n').Length);
        if (result.Machine is null) Assert.NotEmpty(result.Errors);
        else Assert.Empty(result.Errors);
        Assert.All(result.Errors, e => Assert.InRange(e.Line, 1, lineCount));
        Assert.All(result.Errors, e => Assert.True(e.Column >= 1));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_prefix_of_a_fixture_parses_without_throwing(string fixture)
    {
        var text = File.ReadAllText(Fixture.Path(fixture));
        for (var length = 0; length <= text.Length; length++)
            AssertMachineOrLineNumberedErrors(text[..length]);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Dropping_any_one_line_is_reported_as_an_error(string fixture)
    {
        var lines = File.ReadAllLines(Fixture.Path(fixture));
        for (var drop = 0; drop < lines.Length; drop++)
        {
            // "node N free:" lines carry nothing the model uses, so dropping one is harmless.
            if (lines[drop].Contains(" free: ", StringComparison.Ordinal)) continue;
            var text = string.Join('\n', lines.Where((_, i) => i != drop));
            var result = NumactlHardwareParser.Parse("f", text, "f");
            Assert.True(result.Machine is null, $"dropping line {drop + 1} '{lines[drop]}' went unnoticed");
            AssertMachineOrLineNumberedErrors(text);
        }
    }

    [Theory]
    [InlineData("available: 1 nodes (0)\nnode 0 cpus: 0\nnode 0 size: 1 MB\nnode distances:\nnode 99999999999\n")]
    [InlineData("available: 99999999999 nodes (0)\n")]
    [InlineData("available: 1 nodes (0)\nnode 99999999999 cpus: 0\n")]
    [InlineData("available: 1 nodes (0)\nnode 0 cpus: 0-99999999999\nnode 0 size: 99999999999999999 MB\n")]
    public void Huge_numbers_are_errors(string text)
    {
        var result = NumactlHardwareParser.Parse("f", text, "f");
        Assert.Null(result.Machine);
        Assert.NotEmpty(result.Errors);
    }
}
