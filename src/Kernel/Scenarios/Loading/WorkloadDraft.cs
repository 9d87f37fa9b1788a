using System.Collections.Immutable;
using YamlDotNet.RepresentationModel;

namespace NumaActors.Kernel.Scenarios;

/// <summary>A workload as read so far, with the nodes that later cross-checks point at.</summary>
internal sealed class WorkloadDraft(YamlNode node)
{
    public YamlNode Node { get; } = node;
    public string? Name { get; set; }
    public string? Class { get; set; }
    public YamlNode? ClassNode { get; set; }
    public int? PerServer { get; set; }
    public int? Servers { get; set; }
    public YamlNode? CountNode { get; set; }
    public string? Cgroup { get; set; }
    public int? Tasks { get; set; }
    public long? MemoryBytes { get; set; }
    public YamlNode? MemoryNode { get; set; }
    public ImmutableArray<(int Id, YamlNode Node)>? Cpuset { get; set; }
    public ImmutableArray<(int Id, YamlNode Node)>? Pin { get; set; }
    public InitialMemory? InitialMemory { get; set; }
    public YamlNode? InitialMemoryNode { get; set; }
    public AccessModel? Access { get; set; }
    public bool? LatencySensitive { get; set; }
    public bool Valid { get; set; } = true;

    /// <summary>False once the workload alone was found not to fit, so the class total is not reported too.</summary>
    public bool MemoryFits { get; set; } = true;

    public Workload? ToModel() =>
        !Valid || Name is null || Class is null || (PerServer is null && Servers is null) || Cgroup is null
        || Tasks is null || MemoryBytes is null || InitialMemory is null || Access is null || LatencySensitive is null
            ? null
            : new Workload(Name, Class, PerServer, Servers, Cgroup, Tasks.Value, MemoryBytes.Value,
                Cpuset?.Select(c => c.Id).ToImmutableArray(), Pin?.Select(p => p.Id).ToImmutableArray(),
                InitialMemory, Access, LatencySensitive.Value);
}
