using System.Collections.Immutable;

namespace NumaActors.Host.Import;

/// <summary>A server class: nodes of one shape and preset that run exactly the same workloads over time.</summary>
public sealed record ImportedClass(string Name, string Preset, OpenbNode First, ImmutableArray<string> NodeNames, ImmutableArray<ImportedWorkload> Workloads)
{
    public int Count => NodeNames.Length;

    public string WorkloadName(ImportedWorkload w) => $"{Name}-{w.Shape.Slug}";
}
