using YamlDotNet.RepresentationModel;

namespace NumaActors.Topology.Tests;

/// <summary>A test-side reader of the scenario's inline topology block, to check the emitter round-trips.</summary>
internal static class ScenarioTopologyReader
{
    public static Machine Read(string yaml, string name)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var topology = (YamlMappingNode)root[new YamlScalarNode("topology")];
        Assert.Equal(2, topology.Children.Count);
        var nodes = ((YamlSequenceNode)topology[new YamlScalarNode("nodes")]).Select(n => ReadNode((YamlMappingNode)n));
        var distances = ((YamlSequenceNode)topology[new YamlScalarNode("distances")])
            .Select(row => ((YamlSequenceNode)row).Select(v => int.Parse(Scalar(v))).ToArray())
            .ToArray();
        return new Machine(name, nodes, distances);
    }

    private static NumaNode ReadNode(YamlMappingNode node)
    {
        var fields = node.Children.ToDictionary(p => Scalar(p.Key), p => Scalar(p.Value));
        Assert.True(Units.Units.TryParseSize(fields["memory"], out var bytes, out var error), error);
        var tier = fields.TryGetValue("tier", out var t) ? t switch { "slow" => MemoryTier.Slow, "fast" => MemoryTier.Fast, _ => throw new FormatException(t) } : MemoryTier.Fast;
        return new NumaNode(int.Parse(fields["id"]), int.Parse(fields["cpus"]), bytes, tier);
    }

    private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value!;
}
