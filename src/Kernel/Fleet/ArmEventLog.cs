using NumaActors.Kernel.Hooks;
using NumaActors.Kernel.Reporting;
using NumaActors.Kernel.Scenarios;

namespace NumaActors.Kernel.Fleet;

/// <summary>
/// The timeline as it happened in one arm: per event, how many cgroups or processes it changed and
/// what was refused, merged over servers in any order (the refusal kept is the lowest server id's);
/// and what hook programs did (a run-time fault that detached them, a printk line), counted per
/// (time, kind, policy, workload) with the text of the lowest (server id, cgroup id).
/// </summary>
public sealed class ArmEventLog(Scenario scenario)
{
    private readonly (int Applied, int Refused, int RefusalServer, Errno Errno, string Message)[] merged =
        [.. scenario.Timeline.Select(_ => (0, 0, int.MaxValue, Errno.None, ""))];

    private readonly SortedDictionary<(long AtMs, string Kind, string Policy, string Workload), (int Count, int Server, ulong Cgroup, string Message)> programs =
        new(Comparer<(long AtMs, string Kind, string Policy, string Workload)>.Create(static (a, b) =>
        {
            var c = a.AtMs.CompareTo(b.AtMs);
            if (c == 0) c = string.CompareOrdinal(a.Kind, b.Kind);
            if (c == 0) c = string.CompareOrdinal(a.Policy, b.Policy);
            return c != 0 ? c : string.CompareOrdinal(a.Workload, b.Workload);
        }));

    public void Merge(int serverId, int eventIndex, EventOutcome outcome)
    {
        var m = merged[eventIndex];
        m.Applied += outcome.Applied;
        m.Refused += outcome.Refused;
        if (outcome.Refused > 0 && serverId < m.RefusalServer)
            (m.RefusalServer, m.Errno, m.Message) = (serverId, outcome.FirstRefusal, outcome.RefusalMessage);
        merged[eventIndex] = m;
    }

    public void MergeProgramEvent(int serverId, ProgramEvent e)
    {
        var key = (e.AtMs, e.Kind, e.Policy, e.Workload);
        if (!programs.TryGetValue(key, out var m)) m = (0, int.MaxValue, ulong.MaxValue, "");
        m.Count++;
        // The lowest (server, cgroup) wins; of one cgroup's lines the first is kept.
        if ((serverId, e.CgroupId).CompareTo((m.Server, m.Cgroup)) < 0)
            (m.Server, m.Cgroup, m.Message) = (serverId, e.CgroupId, e.Message);
        programs[key] = m;
    }

    public IReadOnlyList<TimelineRecord> Records(long tickMs)
    {
        var records = TimelineRecords(tickMs);
        if (programs.Count == 0) return records;
        foreach (var ((atMs, kind, policy, workload), m) in programs)
        {
            var detail = kind == ProgramEvent.Fault
                ? $"detached from {m.Count} cgroup(s); server {m.Server}: {m.Message}"
                : $"{m.Count} line(s); server {m.Server}: {m.Message}";
            records.Add(new TimelineRecord(atMs / 1000.0, kind, $"{policy} -> {workload}", detail));
        }
        // Stable: timeline events keep their order, program events follow the events of their time.
        return [.. records.OrderBy(r => r.TSeconds)];
    }

    private List<TimelineRecord> TimelineRecords(long tickMs)
    {
        var records = new List<TimelineRecord>();
        for (var i = 0; i < merged.Length; i++)
        {
            var e = scenario.Timeline[i];
            var atMs = (long)Math.Ceiling(e.At.TotalMilliseconds / tickMs) * tickMs;
            var (kind, target) = Describe(e);
            var m = merged[i];
            var detail = $"{m.Applied} changed";
            if (m.Refused > 0) detail += $", {m.Refused} refused ({m.Errno}: {m.Message})";
            records.Add(new TimelineRecord(atMs / 1000.0, kind, target, detail));
        }
        return records;
    }

    private static (string Kind, string Target) Describe(TimelineEvent e) => e switch
    {
        AttachPolicyEvent a => ("attach", $"{a.Policy} -> {a.Workload}{(a.Hierarchical ? " (hierarchical)" : "")}"),
        UpdatePolicyEvent u => ("update", $"{u.Policy}: {string.Join(", ", u.Params.Select(kv => $"{kv.Key}={kv.Value}"))}"),
        DetachPolicyEvent d => ("detach", $"{d.Policy} -> {d.Workload}"),
        SysctlEvent s => ("sysctl", s.Class ?? "*"),
        ScaleEvent s => ("scale", $"{s.Workload}: {(s.PerServer is { } p ? $"per_server {p}" : $"servers {s.Servers}")}"),
        PhaseEvent p => ("phase", p.Workload),
        _ => (e.GetType().Name, ""),
    };
}
