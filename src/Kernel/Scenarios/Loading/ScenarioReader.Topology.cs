using NumaActors.Topology;
using YamlDotNet.RepresentationModel;

namespace NumaActors.Kernel.Scenarios;

internal sealed partial class ScenarioReader
{
    private static readonly string[] TopologyKeys = ["preset", "file", "nodes", "distances"];
    private static readonly string[] NodeKeys = ["id", "cpus", "memory", "tier"];

    /// <summary>Exactly one of preset | file | nodes (CONTRACT.md §2); the machine is then checked by <see cref="TopologyValidator"/>.</summary>
    private Machine? ReadTopology(YamlNode node, string className)
    {
        var map = _r.Mapping(node, "topology", TopologyKeys);
        if (map is null) return null;
        var sources = map.Present("preset", "file", "nodes");
        if (sources.Count == 0)
        {
            Diagnostics.Error(map.Node, "topology needs exactly one of preset, file, nodes");
            return null;
        }
        foreach (var extra in sources.Skip(1))
            Diagnostics.Error(map.KeyNode(extra)!, $"topology needs exactly one of preset, file, nodes; '{sources[0]}' is already given");
        if (map.Has("distances") && sources[0] != "nodes")
            Diagnostics.Error(map.KeyNode("distances")!, "distances belongs with inline nodes, not with a preset or a file");
        if (sources.Count > 1) return null;

        var value = map.Get(sources[0])!;
        return sources[0] switch
        {
            "preset" => ReadPreset(value),
            "file" => ReadTopologyFile(value),
            _ => ReadInlineNodes(value, map.Get("distances"), map.Node, className),
        };
    }

    private Machine? ReadPreset(YamlNode node)
    {
        var name = _r.Scalar(node, "preset");
        if (name is null) return null;
        var machine = Presets.Find(name);
        if (machine is null)
        {
            Diagnostics.Error(node, $"unknown topology preset '{name}'; known presets: {List(Presets.All.Select(p => p.Name))}");
            return null;
        }
        return Validated(machine, _ => node);
    }

    private Machine? ReadTopologyFile(YamlNode node)
    {
        var path = _r.Scalar(node, "topology file");
        if (path is null) return null;
        var full = Path.GetFullPath(Path.Combine(baseDirectory, path));
        if (!File.Exists(full) && !Directory.Exists(full))
        {
            Diagnostics.Error(node, $"topology file '{path}' not found (looked at {full})");
            return null;
        }
        var loaded = TopologyFile.Load(full);
        foreach (var e in loaded.Errors)
            Diagnostics.Add(new ScenarioDiagnostic(e.File, e.Line, e.Column, DiagnosticSeverity.Error, e.Message));
        if (loaded.Machine is null)
        {
            if (loaded.Errors.Count == 0) Diagnostics.Error(node, $"topology file '{path}' describes no machine");
            return null;
        }
        return Validated(loaded.Machine, _ => node);
    }

    private Machine? ReadInlineNodes(YamlNode nodesNode, YamlNode? distancesNode, YamlNode topologyNode, string className)
    {
        var items = _r.Sequence(nodesNode, "nodes");
        if (items is null) return null;
        if (items.Count == 0)
        {
            Diagnostics.Error(nodesNode, "nodes must list at least one node");
            return null;
        }
        var nodes = new List<NumaNode>();
        var ok = true;
        foreach (var item in items)
        {
            var map = _r.Mapping(item, "a node", NodeKeys, ["id", "cpus", "memory"]);
            if (map is null) { ok = false; continue; }
            var id = map.Get("id") is { } i ? _r.Int(i, "node id", 0) : null;
            var cpus = map.Get("cpus") is { } c ? _r.Int(c, "cpus", 0) : null;
            var memory = map.Get("memory") is { } m ? _r.Size(m, "node memory") : null;
            var tier = map.Get("tier") is { } t
                ? _r.OneOf(t, "tier", "fast", "slow") switch { "fast" => MemoryTier.Fast, "slow" => MemoryTier.Slow, _ => (MemoryTier?)null }
                : MemoryTier.Fast;
            if (id is null || cpus is null || memory is null || tier is null) { ok = false; continue; }
            nodes.Add(new NumaNode((int)id, (int)cpus, memory.Value, tier.Value));
        }

        var rows = new List<int[]>();
        var rowNodes = new List<(YamlNode Row, IReadOnlyList<YamlNode> Cells)>();
        if (distancesNode is null)
        {
            // One node needs no matrix; with more the distances are what NUMA balancing scores by (kernel-model.md §4.2).
            if (items.Count > 1) { Diagnostics.Error(topologyNode, "missing required key 'distances' in topology: inline nodes need a distance matrix"); ok = false; }
            else rows.Add([10]);
        }
        else if (_r.Sequence(distancesNode, "distances") is { } rowItems)
        {
            foreach (var rowItem in rowItems)
            {
                var cells = _r.Sequence(rowItem, "a distances row");
                if (cells is null) { ok = false; continue; }
                var row = new int[cells.Count];
                for (var k = 0; k < cells.Count; k++)
                {
                    var v = _r.Int(cells[k], "distance", 0, 255);
                    if (v is null) ok = false; else row[k] = (int)v;
                }
                rows.Add(row);
                rowNodes.Add((rowItem, cells));
            }
        }
        else ok = false;
        if (!ok) return null;

        var machine = new Machine(className, nodes, rows.ToArray());
        return Validated(machine, issue =>
        {
            if (issue.NodeIndex is { } ni && ni >= 0 && ni < items.Count) return items[ni];
            if (issue.Row is { } r && r >= 0 && r < rowNodes.Count)
                return issue.Column is { } col && col >= 0 && col < rowNodes[r].Cells.Count ? rowNodes[r].Cells[col] : rowNodes[r].Row;
            return distancesNode ?? nodesNode;
        });
    }

    /// <summary>Reports <see cref="TopologyValidator"/> issues at the node entry or matrix cell they name; null on errors.</summary>
    private Machine? Validated(Machine machine, Func<TopologyIssue, YamlNode> locate)
    {
        var hasErrors = false;
        foreach (var issue in validateTopology(machine))
        {
            var at = locate(issue);
            if (issue.Severity == IssueSeverity.Error) { Diagnostics.Error(at, issue.Message); hasErrors = true; }
            else Diagnostics.Warning(at, issue.Message);
        }
        return hasErrors ? null : machine;
    }
}
