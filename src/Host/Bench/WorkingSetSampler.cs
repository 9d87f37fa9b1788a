namespace NumaActors.Host.Bench;

/// <summary>
/// Samples the process working set on a timer while a run goes: the process's own peak
/// (<c>Process.PeakWorkingSet64</c>) never comes down, so it cannot tell one run from the next.
/// </summary>
public sealed class WorkingSetSampler : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    public WorkingSetSampler(TimeSpan interval)
    {
        _peak = Environment.WorkingSet;
        _timer = new Timer(_ => Sample(), null, interval, interval);
    }

    /// <summary>The largest working set seen so far, including one last sample now.</summary>
    public long Peak
    {
        get
        {
            Sample();
            return Interlocked.Read(ref _peak);
        }
    }

    private void Sample()
    {
        long now = Environment.WorkingSet;
        long seen = Interlocked.Read(ref _peak);
        while (now > seen)
        {
            long was = Interlocked.CompareExchange(ref _peak, now, seen);
            if (was == seen) break;
            seen = was;
        }
    }

    public void Dispose() => _timer.Dispose();
}
