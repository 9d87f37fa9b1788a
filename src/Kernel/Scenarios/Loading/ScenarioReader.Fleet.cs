using NumaActors.Kernel.Knobs;
using YamlDotNet.RepresentationModel;

namespace NumaActors.Kernel.Scenarios;

internal sealed partial class ScenarioReader
{
    private static readonly string[] ClassKeys = ["class", "count", "topology", "sysctl", "costs"];
    private static readonly string[] CostKeys = ["pte_update", "hint_fault", "migrate_page"];

    private void ReadFleet(YamlNode node)
    {
        var items = _r.Sequence(node, "fleet");
        if (items is null) { _fleetUnreadable = true; return; }
        if (items.Count == 0) Diagnostics.Error(node, "fleet must list at least one server class");
        foreach (var item in items)
        {
            var draft = new ClassDraft(item);
            _classes.Add(draft);
            var map = _r.Mapping(item, "a fleet class", ClassKeys, ["class", "count", "topology"]);
            if (map is null) continue;
            if (map.Get("class") is { } c)
            {
                draft.RawName = (c as YamlScalarNode)?.Value;
                draft.Name = _r.Name(c, "class name");
                if (draft.Name is not null && _classes.FirstOrDefault(o => o != draft && o.Name == draft.Name) is { } first)
                    Diagnostics.Error(c, $"duplicate class name '{draft.Name}' (first defined at line {first.Node.Start.Line})");
            }
            if (map.Get("count") is { } count) draft.Count = (int?)_r.Int(count, "count", 1);
            if (map.Get("topology") is { } topology) draft.Machine = ReadTopology(topology, draft.Name ?? "class");
            draft.Knobs = map.Get("sysctl") is { } sysctl ? ReadClassSysctl(sysctl) : NumaBalancingKnobs.KernelDefaults;
            draft.Costs = map.Get("costs") is { } costs ? ReadCosts(costs) : ClassCosts.None;
        }
    }

    private NumaBalancingKnobs? ReadClassSysctl(YamlNode node)
    {
        var map = _r.Mapping(node, "sysctl", SysctlKeys);
        if (map is null) return null;
        var overrides = ReadSysctlKeys(map);
        if (overrides is null) return null;
        var knobs = overrides.ApplyTo(NumaBalancingKnobs.KernelDefaults);
        return CheckScanPeriods(knobs, map) ? knobs : null;
    }

    private ClassCosts? ReadCosts(YamlNode node)
    {
        var map = _r.Mapping(node, "costs", CostKeys);
        if (map is null) return null;
        TimeSpan? Read(string key, out bool ok)
        {
            ok = true;
            if (map.Get(key) is not { } v) return null;
            var d = _r.Duration(v, key);
            ok = d is not null;
            return d;
        }
        var pte = Read("pte_update", out var ok1);
        var fault = Read("hint_fault", out var ok2);
        var migrate = Read("migrate_page", out var ok3);
        return ok1 && ok2 && ok3 ? new ClassCosts(pte, fault, migrate) : null;
    }
}
