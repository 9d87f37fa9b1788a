using NumaActors.Kernel.Model;

namespace NumaActors.Kernel.Engine;

/// <summary>
/// The sequential engine (issue 3, item 11): a plain loop that steps every server tick by tick in
/// server-id order, applies timeline events at tick boundaries and yields a snapshot of the fleet
/// at t = 0 and at the end of every reporting interval. The actor engine must give the same
/// intervals for the same servers and events.
/// </summary>
public static class SequentialEngine
{
    /// <summary>
    /// Runs <paramref name="servers"/> for <paramref name="durationMs"/>. Streams intervals so a
    /// caller can write them out and drop them (memory stays flat for long runs).
    /// </summary>
    public static IEnumerable<FleetInterval> Run(IReadOnlyList<ServerModel> servers, IReadOnlyList<ServerEvent> events, long durationMs, long intervalMs, CancellationToken cancel = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(intervalMs, 0);
        var ordered = servers.OrderBy(s => s.ServerId).ToArray();
        var byId = ordered.ToDictionary(s => s.ServerId);
        // Stable order: by time, then as listed.
        var queue = events.Select((e, i) => (e, i)).OrderBy(x => x.e.AtMs).ThenBy(x => x.i).Select(x => x.e).ToArray();
        int next = 0;
        long now = ordered.Length == 0 ? 0 : ordered[0].NowMs;

        Apply(ref next);
        yield return Snapshot(now);
        long nextReport = now + intervalMs;
        while (now < durationMs)
        {
            cancel.ThrowIfCancellationRequested();
            foreach (var s in ordered) s.Step();
            now = ordered.Length == 0 ? now + 100 : ordered[0].NowMs;
            Apply(ref next);
            if (now >= nextReport || now >= durationMs)
            {
                yield return Snapshot(now);
                nextReport += intervalMs;
            }
        }

        void Apply(ref int i)
        {
            while (i < queue.Length && queue[i].AtMs <= now)
            {
                var e = queue[i++];
                if (!byId.TryGetValue(e.ServerId, out var server)) continue;
                switch (e)
                {
                    case AddProcessEvent a: server.AddProcess(a.Process); break;
                    case RemoveProcessEvent r: server.RemoveProcess(r.Pid); break;
                    case SetAccessModelEvent p: server.SetAccessModel(p.Pid, p.Access); break;
                    case SetKnobsEvent k: server.SetKnobs(k.Knobs, k.Gates); break;
                    case SetGatesEvent g: server.SetGates(g.Gates); break;
                }
            }
        }

        FleetInterval Snapshot(long t) => new(t, [.. ordered.Select(s => s.TakeSnapshot())]);
    }
}
