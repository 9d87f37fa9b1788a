using NumaActors.Topology.Parsing;

namespace NumaActors.Topology.Tests;

public class CpuListParserTests
{
    [Theory]
    [InlineData("0-23,96-119", true, 48)]
    [InlineData("", true, 0)]
    [InlineData("5", true, 1)]
    [InlineData("0-3,2-5", true, 6)]
    [InlineData("0 1 2 3 8", false, 5)]
    [InlineData(" 0-15 (16)", false, 16)]
    [InlineData("", false, 0)]
    public void Counts_distinct_cpus(string text, bool commas, int expected)
    {
        Assert.True(CpuListParser.TryCount(text, commas, out var count, out _, out var error), error);
        Assert.Equal(expected, count);
    }

    [Theory]
    [InlineData("0-3,x", true, 4, "'x' is not a CPU number")]
    [InlineData("0-3,7-5", true, 4, "runs backwards")]
    [InlineData("0 1 two", false, 4, "'two' is not a CPU number")]
    public void Reports_the_offset_of_the_bad_item(string text, bool commas, int offset, string message)
    {
        Assert.False(CpuListParser.TryCount(text, commas, out _, out var at, out var error));
        Assert.Equal(offset, at);
        Assert.Contains(message, error);
    }
}
