using System.Collections.Immutable;
using YamlDotNet.RepresentationModel;

namespace NumaActors.Kernel.Scenarios;

internal sealed partial class ScenarioReader
{
    private static readonly string[] PolicyKeys = ["name", "kind", "params", "attach", "object"];
    private static readonly string[] AttachKeys = ["workload", "hierarchical"];

    private void ReadPolicies(YamlNode node)
    {
        var items = _r.Sequence(node, "policies");
        if (items is null) return;
        foreach (var item in items)
        {
            var p = new PolicyDraft(item);
            _policies.Add(p);
            var map = _r.Mapping(item, "a policy", PolicyKeys, ["name", "kind"]);
            if (map is null) continue;
            if (map.Get("name") is { } n)
            {
                p.Name = _r.Name(n, "policy name");
                if (p.Name is not null && _policies.FirstOrDefault(o => o != p && o.Name == p.Name) is { } first)
                    Diagnostics.Error(n, $"duplicate policy name '{p.Name}' (first defined at line {first.Node.Start.Line})");
            }
            if (map.Get("kind") is { } k) p.Kind = ReadKind(k);
            var paramsOk = true;
            if (map.Get("params") is { } pn)
            {
                var read = ReadParams(pn);
                if (read is null) paramsOk = false; else p.ParamNodes = read;
            }
            var parameters = ToParams(p.ParamNodes);
            if (p.Kind is not null && paramsOk)
                paramsOk = CheckParams(p.Kind, p.Name, parameters, p.ParamNodes, map.Get("params") ?? map.Node);

            PolicyAttach? attach = null;
            var attachOk = true;
            if (map.Get("attach") is { } a)
            {
                p.AttachNode = a;
                attach = ReadAttach(a);
                attachOk = attach is not null;
            }
            var objectPath = ReadObject(map, p.Kind, out var objectOk);
            if (objectPath is not null && paramsOk) objectOk = CheckObject(p.Kind!, p.Name, objectPath, parameters, map.Get("object")!);
            if (p.Name is not null && p.Kind is not null && paramsOk && attachOk && objectOk)
                p.Model = new PolicySpec(p.Name, p.Kind, parameters, attach, objectPath);
        }
    }

    private string? ReadKind(YamlNode node)
    {
        var kind = _r.Scalar(node, "kind");
        if (kind is null) return null;
        if (catalog.Kinds.Contains(kind)) return kind;
        Diagnostics.Error(node, $"unknown policy kind '{kind}'; known kinds: {List(catalog.Kinds.Order(StringComparer.Ordinal))}");
        return null;
    }

    /// <summary>Parameters are kept as the YAML scalars were written; the catalog interprets them.</summary>
    private Dictionary<string, (YamlNode Key, YamlNode Value)>? ReadParams(YamlNode node)
    {
        if (NodeReader.IsNull(node)) return [];
        if (node is not YamlMappingNode map)
        {
            Diagnostics.Error(node, $"params must be a mapping (name: value), found {NodeReader.Describe(node)}");
            return null;
        }
        var result = new Dictionary<string, (YamlNode, YamlNode)>(StringComparer.Ordinal);
        var ok = true;
        foreach (var (k, v) in map.Children)
        {
            var key = _r.Scalar(k, "a parameter name");
            var value = _r.Scalar(v, $"parameter '{key}'");
            if (key is null || value is null) { ok = false; continue; }
            result[key] = (k, v);
        }
        return ok ? result : null;
    }

    private static ImmutableSortedDictionary<string, string> ToParams(IReadOnlyDictionary<string, (YamlNode Key, YamlNode Value)> nodes) =>
        nodes.ToImmutableSortedDictionary(e => e.Key, e => ((YamlScalarNode)e.Value.Value).Value!, StringComparer.Ordinal);

    /// <summary>Asks the catalog; each error is reported at the parameter it names, or at <paramref name="fallback"/>.</summary>
    private bool CheckParams(string kind, string? policy, IReadOnlyDictionary<string, string> parameters,
        IReadOnlyDictionary<string, (YamlNode Key, YamlNode Value)> nodes, YamlNode fallback)
    {
        var errors = catalog.ValidateParams(kind, parameters);
        foreach (var e in errors)
        {
            var at = nodes.TryGetValue(e.Param, out var pn) ? pn.Value : fallback;
            Diagnostics.Error(at, $"policy '{policy}' ({kind}) parameter '{e.Param}': {e.Message}");
        }
        return errors.Count == 0;
    }

    private PolicyAttach? ReadAttach(YamlNode node)
    {
        var map = _r.Mapping(node, "attach", AttachKeys, ["workload"]);
        if (map is null) return null;
        var workload = map.Get("workload") is { } w ? WorkloadRef(w) : null;
        var hierarchical = map.Get("hierarchical") is { } h ? _r.Bool(h, "hierarchical") : false;
        return workload is null || hierarchical is null ? null : new PolicyAttach(workload, hierarchical.Value);
    }

    /// <summary><c>object:</c> belongs to kind bpf only, and kind bpf needs one (bpf/README.md); resolved against the scenario's folder.</summary>
    private string? ReadObject(MappingView map, string? kind, out bool ok)
    {
        ok = true;
        var node = map.Get("object");
        if (kind is null) return null;
        if (kind != PolicySpec.BpfKind)
        {
            if (node is null) return null;
            Diagnostics.Error(map.KeyNode("object")!, $"object is only for kind {PolicySpec.BpfKind}, not {kind}");
            ok = false;
            return null;
        }
        if (node is null)
        {
            Diagnostics.Error(map.Node, $"kind {PolicySpec.BpfKind} needs object: FILE.o");
            ok = false;
            return null;
        }
        var path = _r.Scalar(node, "object");
        if (path is null) { ok = false; return null; }
        var full = Path.GetFullPath(Path.Combine(baseDirectory, path));
        if (File.Exists(full)) return full;
        Diagnostics.Error(node, $"BPF object '{path}' not found (looked at {full})");
        ok = false;
        return null;
    }

    /// <summary>Loads the object as a run would; its errors and warnings are reported at <paramref name="at"/>.</summary>
    private bool CheckObject(string kind, string? policy, string path, IReadOnlyDictionary<string, string> parameters, YamlNode at)
    {
        var check = catalog.CheckObject(kind, path, parameters);
        foreach (var e in check.Errors) Diagnostics.Error(at, $"policy '{policy}' ({kind}) object {Path.GetFileName(path)}: {e}");
        foreach (var w in check.Warnings) Diagnostics.Warning(at, $"policy '{policy}' ({kind}) object {Path.GetFileName(path)}: {w}");
        return check.Errors.Count == 0;
    }

    private string? WorkloadRef(YamlNode node)
    {
        var name = _r.Scalar(node, "workload");
        if (name is null) return null;
        if (_workloads.Any(w => w.Name == name)) return name;
        Diagnostics.Error(node, $"unknown workload '{name}'; workloads: {List(_workloads.Where(w => w.Name is not null).Select(w => w.Name!))}");
        return null;
    }

    private PolicyDraft? PolicyRef(YamlNode node)
    {
        var name = _r.Scalar(node, "policy");
        if (name is null) return null;
        if (_policies.FirstOrDefault(p => p.Name == name) is { } found) return found;
        Diagnostics.Error(node, $"unknown policy '{name}'; policies: {List(_policies.Where(p => p.Name is not null).Select(p => p.Name!))}");
        return null;
    }
}
