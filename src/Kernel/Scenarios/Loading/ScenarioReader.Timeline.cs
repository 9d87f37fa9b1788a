using System.Collections.Immutable;
using YamlDotNet.RepresentationModel;

namespace NumaActors.Kernel.Scenarios;

internal sealed partial class ScenarioReader
{
    private static readonly string[] EventKinds = ["attach", "update", "detach", "sysctl", "scale", "phase"];
    private static readonly string[] EventKeys = ["at", .. EventKinds];

    private void ReadTimeline(YamlNode node)
    {
        var items = _r.Sequence(node, "timeline");
        if (items is null) return;
        foreach (var item in items)
        {
            var map = _r.Mapping(item, "a timeline event", EventKeys, ["at"]);
            if (map is null) continue;
            var at = map.Get("at") is { } a ? ReadAt(a) : null;
            var kinds = map.Present(EventKinds);
            if (kinds.Count == 0)
            {
                Diagnostics.Error(map.Node, $"a timeline event needs exactly one of {string.Join(", ", EventKinds)}");
                continue;
            }
            foreach (var extra in kinds.Skip(1))
                Diagnostics.Error(map.KeyNode(extra)!, $"a timeline event has exactly one of {string.Join(", ", EventKinds)}; '{kinds[0]}' is already given");
            if (kinds.Count > 1) continue;
            var body = map.Get(kinds[0])!;
            var when = at ?? TimeSpan.Zero;
            TimelineEvent? e = kinds[0] switch
            {
                "attach" => ReadAttachEvent(body, when),
                "update" => ReadUpdateEvent(body, when),
                "detach" => ReadDetachEvent(body, when),
                "sysctl" => ReadSysctlEvent(body, when),
                "scale" => ReadScaleEvent(body, when),
                _ => ReadPhaseEvent(body, when),
            };
            if (e is not null && at is not null) _timeline.Add(new TimelineDraft(e, item));
        }
    }

    /// <summary>An event is applied at the first tick at or after <c>at</c>, so it must fall inside the run.</summary>
    private TimeSpan? ReadAt(YamlNode node)
    {
        var at = _r.Duration(node, "at", allowZero: true);
        if (at is null || _duration is not { } duration || at < duration) return at;
        Diagnostics.Error(node, $"at {Fmt(at.Value)} is not before the end of the run (duration {Fmt(duration)})");
        return null;
    }

    private AttachPolicyEvent? ReadAttachEvent(YamlNode node, TimeSpan at)
    {
        var map = _r.Mapping(node, "attach", ["policy", "workload", "hierarchical"], ["policy", "workload"]);
        if (map is null) return null;
        var policy = map.Get("policy") is { } p ? PolicyRef(p) : null;
        var workload = map.Get("workload") is { } w ? WorkloadRef(w) : null;
        var hierarchical = map.Get("hierarchical") is { } h ? _r.Bool(h, "hierarchical") : false;
        return policy?.Name is null || workload is null || hierarchical is null
            ? null
            : new AttachPolicyEvent(at, policy.Name, workload, hierarchical.Value);
    }

    private UpdatePolicyEvent? ReadUpdateEvent(YamlNode node, TimeSpan at)
    {
        var map = _r.Mapping(node, "update", ["policy", "params"], ["policy", "params"]);
        if (map is null) return null;
        var policy = map.Get("policy") is { } p ? PolicyRef(p) : null;
        var paramNodes = map.Get("params") is { } pn ? ReadParams(pn) : null;
        if (policy?.Name is null || paramNodes is null) return null;
        var changed = ToParams(paramNodes);
        if (policy.Model is null) return null;
        var merged = policy.Model.Params.SetItems(changed);
        var ok = CheckParams(policy.Model.Kind, policy.Name, merged, paramNodes, map.Get("params")!);
        // New parameters of a bpf policy are new .rodata values: the object must load with them too.
        if (ok && policy.Model.ObjectPath is { } objectPath)
            ok = CheckObject(policy.Model.Kind, policy.Name, objectPath, merged, map.Get("params")!);
        return ok ? new UpdatePolicyEvent(at, policy.Name, changed, merged) : null;
    }

    private DetachPolicyEvent? ReadDetachEvent(YamlNode node, TimeSpan at)
    {
        var map = _r.Mapping(node, "detach", ["policy", "workload"], ["policy", "workload"]);
        if (map is null) return null;
        var policy = map.Get("policy") is { } p ? PolicyRef(p) : null;
        var workload = map.Get("workload") is { } w ? WorkloadRef(w) : null;
        return policy?.Name is null || workload is null ? null : new DetachPolicyEvent(at, policy.Name, workload);
    }

    private SysctlEvent? ReadSysctlEvent(YamlNode node, TimeSpan at)
    {
        var map = _r.Mapping(node, "sysctl", ["class", .. SysctlKeys]);
        if (map is null) return null;
        if (map.Present(SysctlKeys).Count == 0)
        {
            Diagnostics.Error(map.Node, $"a sysctl event sets at least one of {string.Join(", ", SysctlKeys)}");
            return null;
        }
        ClassDraft? cls = null;
        string? className = null;
        if (map.Get("class") is { } c)
        {
            className = _r.Scalar(c, "class");
            if (className is null) return null;
            cls = _classes.FirstOrDefault(k => k.Name == className);
            if (cls is null)
            {
                Diagnostics.Error(c, $"unknown class '{className}'; classes: {List(_classes.Where(k => k.Name is not null).Select(k => k.Name!))}");
                return null;
            }
        }
        var overrides = ReadSysctlKeys(map);
        if (overrides is null) return null;
        var targets = cls is null ? _classes : [cls];
        var ok = true;
        foreach (var t in targets.Where(t => t.Knobs is not null))
            ok &= CheckScanPeriods(overrides.ApplyTo(t.Knobs!), map, $" on class '{t.Name}'");
        return ok ? new SysctlEvent(at, className, overrides) : null;
    }

    private ScaleEvent? ReadScaleEvent(YamlNode node, TimeSpan at)
    {
        var map = _r.Mapping(node, "scale", ["workload", "per_server", "servers"], ["workload"]);
        if (map is null) return null;
        var workload = map.Get("workload") is { } w ? WorkloadRef(w) : null;
        // Scaling to zero removes every instance: the tasks are freed and their memory returned (issue 4).
        ReadInstanceCount(map, "scale", out var perServer, out var servers, out var countNode, allowZero: true);
        if (workload is null || (perServer is null && servers is null)) return null;
        var draft = _workloads.First(d => d.Name == workload);
        var cls = _classes.FirstOrDefault(c => c.Name == draft.Class);
        if (cls is not null && servers is { } s && cls.Count is { } count && s > count)
        {
            Diagnostics.Error(countNode!, $"servers: {s} is more than the {count} servers of class '{cls.Name}'");
            return null;
        }
        if (cls?.Machine is { } machine && perServer is { } ps)
        {
            if (!CheckMemoryFits(draft, cls, machine, ps, countNode)) return null;
        }
        return new ScaleEvent(at, workload, perServer, servers);
    }

    private PhaseEvent? ReadPhaseEvent(YamlNode node, TimeSpan at)
    {
        var map = _r.Mapping(node, "phase", ["workload", "access"], ["workload", "access"]);
        if (map is null) return null;
        var workload = map.Get("workload") is { } w ? WorkloadRef(w) : null;
        AccessChange? change = null;
        if (map.Get("access") is { } a && _r.Mapping(a, "access", AccessKeys) is { } access)
        {
            if (access.Present(AccessKeys).Count == 0)
                Diagnostics.Error(access.Node, $"a phase changes at least one of {string.Join(", ", AccessKeys)}");
            else
                change = ReadAccessFields(access, _workloads.FirstOrDefault(d => d.Name == workload)?.Access?.Pattern);
        }
        return workload is null || change is null ? null : new PhaseEvent(at, workload, change);
    }
}
