using System.Globalization;
using System.Text;

namespace NumaActors.Topology;

/// <summary>
/// Prints a machine as the scenario's inline topology block (CONTRACT.md §2, the <c>nodes:</c> form),
/// ready to paste under a fleet class. Sizes print in the largest exact unit (Units.FormatSize);
/// <c>tier: slow</c> is written only for slow-tier nodes since fast is the default. Lines end in "\n".
/// </summary>
public static class TopologyYaml
{
    public static string ToScenarioYaml(Machine machine)
    {
        var yaml = new StringBuilder();
        yaml.Append("topology:\n");
        yaml.Append("  nodes:\n");
        foreach (var node in machine.Nodes)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"    - {{ id: {node.Id}, cpus: {node.Cpus}, memory: {Units.Units.FormatSize(node.MemoryBytes)}");
            if (node.Tier == MemoryTier.Slow) yaml.Append(", tier: slow");
            yaml.Append(" }\n");
        }
        var rows = machine.Distances.Select(row => "[" + string.Join(", ", row.Select(d => d.ToString(CultureInfo.InvariantCulture))) + "]");
        yaml.Append("  distances: [").Append(string.Join(", ", rows)).Append("]\n");
        return yaml.ToString();
    }
}
