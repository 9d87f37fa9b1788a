using System.Collections.Immutable;
using NumaActors.Topology;

namespace NumaActors.Host.Import;

/// <summary>
/// Turns the OpenB node and pod lists into a scenario (docs/IMPORT.md): nodes become servers on presets
/// (<see cref="PresetRule"/>), pods are bound by <see cref="LeastAllocatedScheduler"/>, each server's pods of
/// one shape become a workload whose instance count follows the pods' binding and deletion times, and
/// servers that run exactly the same become one class. Deterministic: same files and options, same text.
/// </summary>
public static class OpenbImporter
{
    public static OpenbImportResult Import(string nodesFile, string nodesText, string podsFile, string podsText, OpenbImportOptions options)
    {
        var errors = new List<ImportError>();
        var nodes = OpenbCsv.ReadNodes(nodesFile, nodesText, errors);
        var pods = OpenbCsv.ReadPods(podsFile, podsText, errors);
        if (nodes is null || pods is null) return new OpenbImportResult(null, errors, null);
        return Import(nodes, pods, options, Path.GetFileName(nodesFile), Path.GetFileName(podsFile), podsFile);
    }

    private static OpenbImportResult Import(IReadOnlyList<OpenbNode> nodes, IReadOnlyList<OpenbPod> pods, OpenbImportOptions options,
        string nodesName, string podsName, string podsFile)
    {
        var traceEnd = Math.Max(1, pods.Max(p => Math.Max(p.DeletionTime, p.CreationTime)));
        var (windowStart, windowEnd) = Window(options, traceEnd);
        var duration = options.Duration ?? OpenbImportOptions.DefaultDuration;
        var durationMs = (long)duration.TotalMilliseconds;
        var timeScale = options.TimeScale ?? Math.Max(1e-9, (windowEnd - windowStart) / duration.TotalSeconds);
        var clock = new TraceClock(windowStart, windowEnd, timeScale, (long)OpenbImportOptions.Tick.TotalMilliseconds, durationMs);

        var presets = nodes.Select(PresetRule.PresetFor).ToList();
        var machineMemory = presets.Select(p => Presets.Find(p)!.TotalMemoryBytes).ToList();
        var placements = new LeastAllocatedScheduler(nodes, machineMemory, windowStart, windowEnd).Schedule(pods);
        var inWindow = placements.Where(p => InWindow(p.Pod, windowStart, windowEnd)).ToList();
        var neverScheduled = pods.Count(p => p.ScheduledTime is null && p.CreationTime < windowEnd && p.DeletionTime >= windowStart);
        if (inWindow.Count == 0)
            return new OpenbImportResult(null,
                [new ImportError(podsFile, 1, 1, $"no scheduled pod runs in the window [{windowStart}s, {windowEnd}s) of the trace")], null);

        var kept = KeptNodes(nodes.Count, options.MaxServers);
        var byNode = inWindow.Where(p => p.Node is { } n && kept[n]).GroupBy(p => p.Node!.Value).ToDictionary(g => g.Key, g => g.Select(p => p.Pod).ToList());
        var stats = new Counters();
        var perNode = new List<(OpenbNode Node, string Preset, ImmutableArray<ImportedWorkload> Workloads)>();
        for (var n = 0; n < nodes.Count; n++)
        {
            if (!kept[n]) continue;
            var onNode = byNode.TryGetValue(n, out var list) ? list : [];
            perNode.Add((nodes[n], presets[n], Workloads(onNode, clock, stats)));
        }
        var classes = Group(perNode);
        var unplaceable = inWindow.Where(p => p.Node is null).ToList();
        var leftOut = inWindow.Count(p => p.Node is { } n && !kept[n]);
        var events = classes.Sum(c => c.Workloads.Sum(w => w.Scale.Length));
        var regionSize = RegionSize(classes);
        var summary = new OpenbImportSummary(nodes.Count, pods.Count, windowStart, windowEnd, timeScale, inWindow.Count, neverScheduled,
            unplaceable, leftOut, stats.Written, stats.ShorterThanTick, stats.StartsPastEnd, classes.Sum(c => c.Count), classes.Count,
            classes.Sum(c => c.Workloads.Length), events, regionSize);
        if (summary.Workloads == 0)
            return new OpenbImportResult(null,
                [new ImportError(podsFile, 1, 1, "no pod of the window lasts a simulation tick on the servers kept; use a longer --duration or a smaller --time-scale")], summary);
        var yaml = OpenbScenarioText.Write(options with { Duration = duration }, summary, classes, nodesName, podsName);
        return new OpenbImportResult(yaml, [], summary);
    }

    private static (long Start, long End) Window(OpenbImportOptions options, long traceEnd)
    {
        if (options.Hours is not { } hours)
        {
            var start = options.StartHour is { } s ? (long)(s * 3600) : 0;
            return (start, Math.Max(start + 1, traceEnd));
        }
        var length = Math.Max(1, (long)(hours * 3600));
        var from = options.StartHour is { } h ? (long)(h * 3600) : Math.Max(0, traceEnd - length);
        return (from, from + length);
    }

    private static bool InWindow(OpenbPod pod, long start, long end) =>
        pod.StartTime < end && pod.DeletionTime > start && pod.DeletionTime > pod.StartTime;

    /// <summary>--max-servers M keeps M nodes spread evenly over the list: node k when ⌊(k+1)M/n⌋ &gt; ⌊kM/n⌋.</summary>
    private static bool[] KeptNodes(int count, int? maxServers)
    {
        var m = Math.Min(maxServers ?? count, count);
        return Enumerable.Range(0, count).Select(k => (long)(k + 1) * m / count > (long)k * m / count).ToArray();
    }

    /// <summary>One workload per pod shape on the server: instances alive at the start, then one count per changed tick.</summary>
    private static ImmutableArray<ImportedWorkload> Workloads(List<OpenbPod> pods, TraceClock clock, Counters stats)
    {
        var result = ImmutableArray.CreateBuilder<ImportedWorkload>();
        foreach (var group in pods.GroupBy(PodShape.Of).OrderBy(g => g.Key.Slug, StringComparer.Ordinal))
        {
            var deltas = new SortedDictionary<long, int>();
            var (alive, written) = (0, 0);
            foreach (var pod in group)
            {
                var atStart = pod.StartTime <= clock.WindowStart;
                var start = atStart ? 0 : clock.At(pod.StartTime);
                var end = pod.DeletionTime < clock.WindowEnd ? clock.At(pod.DeletionTime) : null;
                if (start is null) { stats.StartsPastEnd++; continue; }
                // A pod shorter than a tick once compressed still runs for one tick, never vanishes.
                if (start == end)
                {
                    stats.ShorterThanTick++;
                    end = start + clock.TickMs < clock.DurationMs ? start + clock.TickMs : null;
                }
                written++;
                if (atStart) alive++;
                else Add(deltas, start.Value, +1);
                if (end is { } e) Add(deltas, e, -1);
            }
            // The schema starts a workload with at least one instance: one that starts empty scales to its count at 0s.
            if (alive == 0) Add(deltas, 0, 0);
            var perServer = Math.Max(1, alive);
            var (count, last) = (alive, perServer);
            var scale = ImmutableArray.CreateBuilder<(long, int)>();
            foreach (var (at, delta) in deltas)
            {
                count += delta;
                if (count != last) scale.Add((at, count));
                last = count;
            }
            stats.Written += written;
            if (written > 0) result.Add(new ImportedWorkload(group.Key, perServer, scale.ToImmutable(), written));
        }
        return result.ToImmutable();
    }

    private static void Add(SortedDictionary<long, int> deltas, long at, int delta) =>
        deltas[at] = (deltas.TryGetValue(at, out var d) ? d : 0) + delta;

    /// <summary>Servers with the same shape, preset and workloads over time form one class, in node order.</summary>
    private static List<ImportedClass> Group(List<(OpenbNode Node, string Preset, ImmutableArray<ImportedWorkload> Workloads)> perNode)
    {
        var groups = perNode.GroupBy(n => $"{n.Preset}|{n.Node.CpuMilli}|{n.Node.MemoryMib}|{string.Join(";", n.Workloads.Select(w => w.Key))}").ToList();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var classes = new List<ImportedClass>();
        foreach (var g in groups)
        {
            var first = g.First();
            var name = first.Workloads.IsEmpty ? $"idle-{first.Node.Cpus}c-{first.Node.MemoryMib}mi" : Sanitize(first.Node.Name);
            var unique = name;
            for (var i = 2; !names.Add(unique); i++) unique = $"{name}-{i}";
            classes.Add(new ImportedClass(unique, first.Preset, first.Node, g.Select(n => n.Node.Name).ToImmutableArray(), first.Workloads));
        }
        return classes;
    }

    private static string Sanitize(string name)
    {
        var chars = name.ToLowerInvariant().Select(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-').ToArray();
        var s = new string(chars).Trim('-');
        return s.Length == 0 ? "node" : s;
    }

    /// <summary>
    /// The smallest power-of-two multiple of 2 MiB that keeps the fleet's largest possible resident memory
    /// (every workload at its start count or peak, whichever is larger) within <see cref="OpenbImportOptions.RegionBudget"/> regions.
    /// </summary>
    private static long RegionSize(List<ImportedClass> classes)
    {
        var bytes = classes.Sum(c => (decimal)c.Count * c.Workloads.Sum(w =>
            (decimal)w.Shape.MemoryBytes * Math.Max(w.PerServer, w.Scale.IsEmpty ? 0 : w.Scale.Max(s => s.Count))));
        var region = 2L << 20;
        while (bytes / region > OpenbImportOptions.RegionBudget && region < (1L << 30)) region *= 2;
        return region;
    }

    private sealed class Counters
    {
        public int Written;
        public int ShorterThanTick;
        public int StartsPastEnd;
    }
}
