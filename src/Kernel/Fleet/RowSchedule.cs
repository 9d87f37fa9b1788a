namespace NumaActors.Kernel.Fleet;

/// <summary>
/// When time-series rows are taken: row 0 after the first tick (the starting state), then every
/// <c>timeseries_interval</c>, and a last row at the end of the run if the interval does not divide it.
/// </summary>
public sealed class RowSchedule
{
    public RowSchedule(long tickCount, long tickMs, long intervalMs)
    {
        TickCount = tickCount;
        TickMs = tickMs;
        IntervalTicks = Math.Max(1, intervalMs / tickMs);
        Rows = (int)(tickCount / IntervalTicks) + (tickCount % IntervalTicks == 0 ? 0 : 1) + 1;
    }

    public long TickCount { get; }
    public long TickMs { get; }
    public long IntervalTicks { get; }

    /// <summary>Rows including row 0.</summary>
    public int Rows { get; }

    /// <summary>The rows due after <paramref name="ticksDone"/> ticks: row 0 after the first, others at interval ends.</summary>
    public IEnumerable<int> RowsAfter(long ticksDone)
    {
        if (ticksDone == 1) yield return 0;
        if (ticksDone % IntervalTicks == 0) yield return (int)(ticksDone / IntervalTicks);
        else if (ticksDone == TickCount) yield return Rows - 1;
    }

    public double TSeconds(int row) => row == 0 ? 0 : Math.Min(row * IntervalTicks, TickCount) * TickMs / 1000.0;
}
