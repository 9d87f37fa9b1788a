namespace NumaActors.Topology.Tests;

public class UnitsTests
{
    [Theory]
    [InlineData("16GiB", 16L << 30)]
    [InlineData("2MiB", 2L << 20)]
    [InlineData("1.5KiB", 1536L)]
    [InlineData(" 4 TiB ", 4L << 40)]
    [InlineData("512B", 512L)]
    public void Sizes_parse_in_binary_units(string text, long bytes)
    {
        Assert.True(Units.Units.TryParseSize(text, out var parsed, out var error), error);
        Assert.Equal(bytes, parsed);
    }

    [Theory]
    [InlineData("16GB", "'GB' is not a size unit")]
    [InlineData("sixteen", "is not a size")]
    [InlineData(null, "is not a size")]
    [InlineData("-1GiB", "is not a size")]
    public void Bad_sizes_are_refused_with_a_message(string? text, string message)
    {
        Assert.False(Units.Units.TryParseSize(text, out _, out var error));
        Assert.Contains(message, error);
    }

    [Theory]
    [InlineData(1L << 30, "1GiB")]
    [InlineData(1536L << 20, "1536MiB")]
    [InlineData(64167L << 20, "64167MiB")]
    [InlineData(1000L, "1000B")]
    [InlineData(0L, "0B")]
    public void Sizes_print_in_the_largest_exact_unit(long bytes, string text)
    {
        Assert.Equal(text, Units.Units.FormatSize(bytes));
    }

    [Theory]
    [InlineData("100ms", 100 * TimeSpan.TicksPerMillisecond)]
    [InlineData("60000ms", 60 * TimeSpan.TicksPerSecond)]
    [InlineData("2m", 120 * TimeSpan.TicksPerSecond)]
    [InlineData("1h", 3600 * TimeSpan.TicksPerSecond)]
    [InlineData("500us", 5000L)]
    public void Durations_parse(string text, long ticks)
    {
        Assert.True(Units.Units.TryParseDuration(text, out var duration, out var error), error);
        Assert.Equal(ticks, duration.Ticks);
    }

    [Fact]
    public void Durations_print_in_the_largest_exact_unit()
    {
        Assert.Equal("1m", Units.Units.FormatDuration(TimeSpan.FromSeconds(60)));
        Assert.Equal("1500ms", Units.Units.FormatDuration(TimeSpan.FromMilliseconds(1500)));
    }

    [Fact]
    public void Rates_parse_per_second()
    {
        Assert.True(Units.Units.TryParseRate("20000000/s", out var perSecond, out _));
        Assert.Equal(20_000_000, perSecond);
        Assert.True(Units.Units.TryParseByteRate("65536MiB/s", out var bytesPerSecond, out _));
        Assert.Equal(65536L << 20, bytesPerSecond);
        Assert.False(Units.Units.TryParseRate("20000000/fortnight", out _, out var error));
        Assert.Contains("not a time unit", error);
    }
}
