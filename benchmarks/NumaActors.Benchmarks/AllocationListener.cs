using System.Diagnostics.Tracing;

namespace NumaActors.Benchmarks;

/// <summary>
/// Listens to the runtime's sampled allocation events (one about every 100 KB allocated) and sums
/// them by type: where the managed allocations of a run come from.
/// </summary>
public sealed class AllocationListener : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Dictionary<string, long> _bytesByType = [];
    private readonly object _gate = new();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null) return;
        var names = e.PayloadNames!;
        string type = names.IndexOf("TypeName") is var t and >= 0 ? e.Payload[t] as string ?? "?" : "?";
        long bytes = names.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(e.Payload[a]) : 100_000;
        lock (_gate) _bytesByType[type] = _bytesByType.GetValueOrDefault(type) + bytes;
    }

    public IReadOnlyList<(string Type, long Bytes)> Top(int n)
    {
        lock (_gate) return [.. _bytesByType.OrderByDescending(kv => kv.Value).Take(n).Select(kv => (kv.Key, kv.Value))];
    }
}
