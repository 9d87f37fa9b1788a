using System.Collections.Immutable;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace NumaActors.Kernel.Scenarios;

internal sealed partial class ScenarioReader
{
    private static readonly string[] SweepKeys = ["policy", "policies", "param", "values", "name", "sysctl"];

    /// <summary>Characters kept from a value in a generated arm name; the rest become '_' so names stay one CSV field.</summary>
    [GeneratedRegex("[^A-Za-z0-9._/-]")]
    private static partial Regex ArmNameUnsafe();

    /// <summary>
    /// <c>sweep: { policy: P | policies: [P, Q], param: X, values: [v1, v2], name: PREFIX, sysctl: {...} }</c>:
    /// one arm per value, attaching the listed policies with X = v (each policy's other parameters as
    /// written), named <c>PREFIX-X-v</c> (PREFIX: the policy's name, or the names joined with '+').
    /// </summary>
    private void ReadSweep(YamlNode node, Dictionary<string, YamlNode> armNames)
    {
        var map = _r.Mapping(node, "sweep", SweepKeys, ["param", "values"]);
        if (map is null) return;
        var policies = ReadSweepPolicies(map);
        var prefix = map.Get("name") is { } n ? _r.Name(n, "sweep name") : null;
        var sysctl = map.Get("sysctl") is { } s ? ReadArmSysctl(s) : SysctlOverrides.None;
        var param = map.Get("param") is { } pn ? ReadSweepParam(pn, policies) : null;
        var values = map.Get("values") is { } vn ? _r.Sequence(vn, "sweep values") : null;
        if (values is { Count: 0 }) Diagnostics.Error(map.Get("values")!, "sweep values must list at least one value");
        if (policies is null || param is null || values is null || sysctl is null || (map.Has("name") && prefix is null)) return;

        prefix ??= string.Join('+', policies.Select(p => p.Draft.Name));
        var seen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var v in values)
        {
            var value = _r.Scalar(v, "a sweep value");
            if (value is null) continue;
            if (seen.TryGetValue(value, out var first))
            {
                Diagnostics.Error(v, $"sweep value '{value}' is listed twice (first at line {first.Start.Line})");
                continue;
            }
            seen[value] = v;
            if (!CheckSweepValue(policies, param, value, v)) continue;
            var name = $"{prefix}-{param}-{ArmNameUnsafe().Replace(value, "_")}";
            if (armNames.TryGetValue(name, out var other))
            {
                Diagnostics.Error(v, $"sweep arm name '{name}' is already used by the arm at line {other.Start.Line}");
                continue;
            }
            armNames[name] = v;
            var overrides = policies.ToImmutableSortedDictionary(
                p => p.Draft.Name!,
                _ => ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal).Add(param, value),
                StringComparer.Ordinal);
            var arm = new Arm(name, sysctl, policies.Select(p => p.Draft.Name!).ToImmutableArray()) { ParamOverrides = overrides };
            _arms.Add(new ArmDraft(arm, v, policies.Select(p => p.Node).ToImmutableArray()));
        }
    }

    /// <summary>The swept policies, each read without error and attachable; null when any is not.</summary>
    private List<(PolicyDraft Draft, YamlNode Node)>? ReadSweepPolicies(MappingView map)
    {
        var keys = map.Present("policy", "policies");
        if (keys.Count != 1)
        {
            Diagnostics.Error(keys.Count == 0 ? map.Node : map.KeyNode(keys[1])!,
                "a sweep names the policy it varies: exactly one of policy: NAME or policies: [NAME, ...]");
            return null;
        }
        IReadOnlyList<YamlNode>? items = keys[0] == "policy" ? [map.Get("policy")!] : _r.Sequence(map.Get("policies")!, "sweep policies");
        if (items is null) return null;
        if (items.Count == 0)
        {
            Diagnostics.Error(map.Get("policies")!, "sweep policies must list at least one policy");
            return null;
        }
        (var names, var nodes, var ok) = ReadArmPolicies(items);
        if (!ok) return null;
        var drafts = names.Select((n, i) => (_policies.First(p => p.Name == n), nodes[i])).ToList();
        // A policy read with errors has no model; its own errors are reported already.
        return drafts.All(d => d.Item1.Model is not null) ? drafts : null;
    }

    /// <summary>The parameter must be one every swept policy's kind takes.</summary>
    private string? ReadSweepParam(YamlNode node, List<(PolicyDraft Draft, YamlNode Node)>? policies)
    {
        var param = _r.Scalar(node, "sweep param");
        if (param is null || policies is null) return null;
        var ok = true;
        foreach (var (draft, _) in policies)
        {
            var known = catalog.ParamNames(draft.Kind!);
            if (known is null || known.Contains(param)) continue;
            Diagnostics.Error(node, known.Count == 0
                ? $"policy '{draft.Name}' ({draft.Kind}) has no parameter '{param}'; kind {draft.Kind} takes no parameters"
                : $"policy '{draft.Name}' ({draft.Kind}) has no parameter '{param}'; its parameters: {List(known)}");
            ok = false;
        }
        return ok ? param : null;
    }

    /// <summary>Each swept policy's parameters with the value put in must pass the catalog, as a written policy would.</summary>
    private bool CheckSweepValue(List<(PolicyDraft Draft, YamlNode Node)> policies, string param, string value, YamlNode at)
    {
        var ok = true;
        foreach (var (draft, _) in policies)
        {
            var parameters = draft.Model!.Params.SetItem(param, value);
            foreach (var e in catalog.ValidateParams(draft.Kind!, parameters))
            {
                Diagnostics.Error(at, $"sweep value '{value}' for policy '{draft.Name}' ({draft.Kind}) parameter '{e.Param}': {e.Message}");
                ok = false;
            }
        }
        return ok;
    }
}
