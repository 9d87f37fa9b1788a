using System.Diagnostics;
using System.Diagnostics.Tracing;

namespace NumaActors.Host.Bench;

/// <summary>
/// Managed bytes this process allocates, summed from the runtime's allocation-tick events (one per
/// ~100 KB allocated on a heap, carrying the amount since the last one). Not
/// <c>GC.GetTotalAllocatedBytes</c>: under Server GC's dynamic heap count (DATAS, on in the host)
/// it sums only the heaps active at the moment and goes backwards when one is retired
/// (dotnet/runtime#131069), which made bench print negative allocations.
/// </summary>
public sealed class AllocationMeter : EventListener
{
    private const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    // Events arrive on the listener's thread about 100 ms behind the allocations.
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);
    private long _bytes;

    /// <summary>Bytes counted so far (events arrive on the listener's thread, about 100 ms behind).</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>
    /// The count once the events of allocations made before this call have arrived: it waits until
    /// the count stops moving for 200 ms, or 2 s have passed.
    /// </summary>
    public long Settled()
    {
        var clock = Stopwatch.StartNew();
        var still = Stopwatch.StartNew();
        long seen = Bytes;
        while (still.Elapsed < Quiet && clock.Elapsed < Limit)
        {
            Thread.Sleep(10); // the events come on the listener's thread
            long now = Bytes;
            if (now == seen) continue;
            seen = now;
            still.Restart();
        }
        return seen;
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == RuntimeSource) EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal)) return;
        if (e.PayloadNames is not { } names || e.Payload is not { } payload) return;
        int i = names.IndexOf("AllocationAmount64");
        if (i >= 0 && payload[i] is ulong amount) Interlocked.Add(ref _bytes, (long)amount);
    }
}
