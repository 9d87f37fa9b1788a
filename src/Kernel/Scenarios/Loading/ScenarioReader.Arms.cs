using System.Collections.Immutable;
using YamlDotNet.RepresentationModel;

namespace NumaActors.Kernel.Scenarios;

internal sealed partial class ScenarioReader
{
    private static readonly string[] ArmKeys = ["name", "sysctl", "policies", "sweep"];

    /// <summary>
    /// Arms: see the arms rule on <see cref="Scenario"/>. Each item is an arm or a <c>sweep</c> that generates
    /// arms; <c>arms: { sweep: ... }</c> stands for a list holding just that sweep.
    /// </summary>
    private void ReadArms(YamlNode node)
    {
        var names = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        if (node is YamlMappingNode)
        {
            if (_r.Mapping(node, "arms", ["sweep"], ["sweep"]) is { } only && only.Get("sweep") is { } s) ReadSweep(s, names);
            return;
        }
        var items = _r.Sequence(node, "arms");
        if (items is null) return;
        if (items.Count == 0) Diagnostics.Error(node, "arms must list at least one arm (leave arms out for a single default arm)");
        foreach (var item in items)
        {
            if (item is YamlMappingNode m && m.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value == "sweep"))
            {
                if (_r.Mapping(item, "an arm sweep (a list item holding only sweep:)", ["sweep"]) is { } one && one.Get("sweep") is { } sw)
                    ReadSweep(sw, names);
                continue;
            }
            var map = _r.Mapping(item, "an arm", ArmKeys, ["name"]);
            if (map is null) continue;
            string? name = null;
            if (map.Get("name") is { } n && (name = _r.Name(n, "arm name")) is not null)
            {
                if (names.TryGetValue(name, out var first))
                {
                    Diagnostics.Error(n, $"duplicate arm name '{name}' (first defined at line {first.Start.Line})");
                    name = null;
                }
                else names[name] = n;
            }
            var sysctl = map.Get("sysctl") is { } s ? ReadArmSysctl(s) : SysctlOverrides.None;
            var policies = ImmutableArray<string>.Empty;
            var policyNodes = ImmutableArray<YamlNode>.Empty;
            var policiesOk = true;
            if (map.Get("policies") is { } p)
            {
                var list = _r.Sequence(p, "arm policies");
                if (list is null) policiesOk = false;
                else (policies, policyNodes, policiesOk) = ReadArmPolicies(list);
            }
            if (name is not null && sysctl is not null && policiesOk)
                _arms.Add(new ArmDraft(new Arm(name, sysctl, policies), item, policyNodes));
        }
    }

    /// <summary>An arm's sysctl applies over every class, so scan_period_min &lt;= scan_period_max is checked on each.</summary>
    private SysctlOverrides? ReadArmSysctl(YamlNode node)
    {
        var map = _r.Mapping(node, "arm sysctl", SysctlKeys);
        if (map is null || ReadSysctlKeys(map) is not { } sysctl) return null;
        var ok = true;
        foreach (var c in _classes.Where(c => c.Knobs is not null))
            ok &= CheckScanPeriods(sysctl.ApplyTo(c.Knobs!), map, $" on class '{c.Name}'");
        return ok ? sysctl : null;
    }

    private (ImmutableArray<string>, ImmutableArray<YamlNode>, bool) ReadArmPolicies(IReadOnlyList<YamlNode> items)
    {
        var names = ImmutableArray.CreateBuilder<string>();
        var nodes = ImmutableArray.CreateBuilder<YamlNode>();
        var ok = true;
        foreach (var item in items)
        {
            var policy = PolicyRef(item);
            if (policy?.Name is null) { ok = false; continue; }
            if (names.Contains(policy.Name))
            {
                Diagnostics.Error(item, $"the arm lists policy '{policy.Name}' twice");
                ok = false;
                continue;
            }
            if (policy.Model is { Attach: null })
            {
                Diagnostics.Error(item, $"policy '{policy.Name}' has no attach, so an arm cannot use it (attach it in the timeline instead)");
                ok = false;
                continue;
            }
            names.Add(policy.Name);
            nodes.Add(item);
        }
        return (names.ToImmutable(), nodes.ToImmutable(), ok);
    }
}
