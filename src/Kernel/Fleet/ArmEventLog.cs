using NumaActors.Kernel.Hooks;
using NumaActors.Kernel.Reporting;
using NumaActors.Kernel.Scenarios;

namespace NumaActors.Kernel.Fleet;

/// <summary>
/// The timeline as it happened in one arm: per event, how many cgroups or processes it changed and
/// what was refused, merged over servers in any order (the refusal kept is the lowest server id's).
/// </summary>
public sealed class ArmEventLog(Scenario scenario)
{
    private readonly (int Applied, int Refused, int RefusalServer, Errno Errno, string Message)[] merged =
        [.. scenario.Timeline.Select(_ => (0, 0, int.MaxValue, Errno.None, ""))];

    public void Merge(int serverId, int eventIndex, EventOutcome outcome)
    {
        var m = merged[eventIndex];
        m.Applied += outcome.Applied;
        m.Refused += outcome.Refused;
        if (outcome.Refused > 0 && serverId < m.RefusalServer)
            (m.RefusalServer, m.Errno, m.Message) = (serverId, outcome.FirstRefusal, outcome.RefusalMessage);
        merged[eventIndex] = m;
    }

    public IReadOnlyList<TimelineRecord> Records(long tickMs)
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
