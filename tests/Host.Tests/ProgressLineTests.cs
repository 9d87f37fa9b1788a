using NumaActors.Host.Output;
using NumaActors.Kernel.Fleet;

namespace NumaActors.Host.Tests;

public sealed class ProgressLineTests
{
    private static RunProgress At(int serversDone, double done, double total) => new("default", 0, 1, serversDone, 1000, done, total);

    [Fact]
    public void A_line_says_how_long_is_left_at_the_speed_so_far()
    {
        // A quarter of 300,000 server-seconds in 10 minutes: 125 server-s/s, 225,000 left = 30 minutes.
        var line = ProgressLine.Format(At(250, 75_000, 300_000), 600);

        Assert.StartsWith("progress: arm default (1/1) 250/1000 servers, 25% of 300,000 server-seconds, 125 server-s/s", line);
        Assert.EndsWith(", about 30 min left", line);
    }

    [Fact]
    public void The_last_line_and_lines_before_the_first_percent_have_no_estimate()
    {
        Assert.DoesNotContain("left", ProgressLine.Format(At(1000, 300_000, 300_000), 600));
        Assert.DoesNotContain("left", ProgressLine.Format(At(0, 0, 300_000), 5));
        // 600 of 300,000 server-seconds in 10 s: 0.2%, far too early to say (it would say 83 min).
        Assert.DoesNotContain("left", ProgressLine.Format(At(0, 600, 300_000), 10));
        Assert.Contains("left", ProgressLine.Format(At(10, 3_000, 300_000), 10));
    }

    [Theory]
    [InlineData(0.2, "1 s")]
    [InlineData(90, "90 s")]
    [InlineData(170, "3 min")]
    [InlineData(5_400, "90 min")]
    [InlineData(5 * 3600 + 7 * 60, "5 h 07 min")]
    public void Waits_read_in_seconds_minutes_or_hours(double seconds, string expected) =>
        Assert.Equal(expected, ProgressLine.Duration(seconds));
}
