namespace NumaActors.Host.Import;

/// <summary>Maps trace seconds in the window to simulated milliseconds, rounded down to the tick.</summary>
public sealed record TraceClock(long WindowStart, long WindowEnd, double TimeScale, long TickMs, long DurationMs)
{
    /// <summary>Simulated time of a trace second, or null when it falls at or after the end of the run.</summary>
    public long? At(long traceSeconds)
    {
        var ms = (long)Math.Floor((traceSeconds - WindowStart) * 1000.0 / TimeScale);
        ms -= ms % TickMs;
        return ms < DurationMs ? Math.Max(0, ms) : null;
    }
}
