using YamlDotNet.RepresentationModel;

namespace NumaActors.Kernel.Scenarios;

/// <summary>A YAML mapping whose keys have been checked against the allowed set.</summary>
internal sealed class MappingView(YamlNode node, IReadOnlyDictionary<string, (YamlScalarNode Key, YamlNode Value)> entries)
{
    /// <summary>The mapping itself, or the empty value that stands for one.</summary>
    public YamlNode Node { get; } = node;

    public bool Has(string key) => entries.ContainsKey(key);

    public YamlNode? Get(string key) => entries.TryGetValue(key, out var e) ? e.Value : null;

    public YamlScalarNode? KeyNode(string key) => entries.TryGetValue(key, out var e) ? e.Key : null;

    /// <summary>The keys present among <paramref name="keys"/>, in file order.</summary>
    public IReadOnlyList<string> Present(params string[] keys) =>
        entries.Where(e => keys.Contains(e.Key)).OrderBy(e => e.Value.Key.Start).Select(e => e.Key).ToList();

    public IEnumerable<(string Key, YamlScalarNode KeyNode, YamlNode Value)> All =>
        entries.OrderBy(e => e.Value.Key.Start).Select(e => (e.Key, e.Value.Key, e.Value.Value));
}
