using NumaActors.Kernel.Knobs;
using NumaActors.Topology;
using YamlDotNet.RepresentationModel;

namespace NumaActors.Kernel.Scenarios;

/// <summary>A server class as read so far; null fields had errors.</summary>
internal sealed class ClassDraft(YamlNode node)
{
    public YamlNode Node { get; } = node;
    public string? Name { get; set; }

    /// <summary>The name as written, even when it breaks the naming rule, so references to it are not also reported.</summary>
    public string? RawName { get; set; }
    public int? Count { get; set; }
    public Machine? Machine { get; set; }
    public NumaBalancingKnobs? Knobs { get; set; }
    public ClassCosts? Costs { get; set; }

    public ServerClass? ToModel() =>
        Name is null || Count is null || Machine is null || Knobs is null || Costs is null
            ? null
            : new ServerClass(Name, Count.Value, Machine, Knobs, Costs);
}
