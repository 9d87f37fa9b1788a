using YamlDotNet.RepresentationModel;

namespace NumaActors.Kernel.Scenarios;

/// <summary>Short hand for writing YAML mappings from code.</summary>
internal static class YamlMaps
{
    /// <summary>A mapping from key/value pairs; a string value becomes a scalar.</summary>
    public static YamlMappingNode Map(params (string Key, object Value)[] entries)
    {
        var map = new YamlMappingNode();
        foreach (var (key, value) in entries)
            map.Add(new YamlScalarNode(key), value as YamlNode ?? new YamlScalarNode((string)value));
        return map;
    }
}
