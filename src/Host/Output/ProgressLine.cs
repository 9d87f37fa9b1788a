using NumaActors.Kernel.Fleet;

namespace NumaActors.Host.Output;

/// <summary>
/// One plain progress line (a pipe or CI log): where the run is, its speed so far and, from the
/// first percent until the end, about how long is left at that speed. Before the first percent
/// the speed says little (the actor engine counts a server's seconds as its epochs finish, and
/// the first servers start together), so no estimate is given.
/// </summary>
public static class ProgressLine
{
    public static string Format(RunProgress p, double elapsedSeconds)
    {
        var percent = 100 * p.Fraction;
        var speed = elapsedSeconds > 0 ? p.ServerSecondsDone / elapsedSeconds : 0;
        var line = $"progress: arm {p.Arm} ({p.ArmIndex + 1}/{p.Arms}) {p.ServersDone}/{p.Servers} servers, " +
            $"{percent:0}% of {p.ServerSecondsTotal:N0} server-seconds, {speed:N0} server-s/s";
        var left = p.ServerSecondsTotal - p.ServerSecondsDone;
        return percent >= 1 && speed > 0 && left > 0 ? $"{line}, about {Duration(left / speed)} left" : line;
    }

    /// <summary>A wait as a person reads it: seconds under two minutes, minutes under two hours, then hours and minutes.</summary>
    public static string Duration(double seconds)
    {
        var s = Math.Max(1, (long)Math.Round(seconds));
        if (s < 120) return $"{s} s";
        var minutes = (long)Math.Round(seconds / 60);
        return minutes < 120 ? $"{minutes} min" : $"{minutes / 60} h {minutes % 60:00} min";
    }
}
