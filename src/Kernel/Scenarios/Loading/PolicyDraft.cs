using YamlDotNet.RepresentationModel;

namespace NumaActors.Kernel.Scenarios;

/// <summary>A policy as read so far; <see cref="AttachNode"/> is where an EBUSY conflict is reported.</summary>
internal sealed class PolicyDraft(YamlNode node)
{
    public YamlNode Node { get; } = node;
    public PolicySpec? Model { get; set; }
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public YamlNode? AttachNode { get; set; }
    public IReadOnlyDictionary<string, (YamlNode Key, YamlNode Value)> ParamNodes { get; set; } =
        new Dictionary<string, (YamlNode, YamlNode)>();
}
