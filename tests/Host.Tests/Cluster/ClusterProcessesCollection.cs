namespace NumaActors.Host.Tests.Cluster;

/// <summary>
/// The multi-process cluster runs go alone, after the other tests: their kill and late-join steps
/// wait for progress lines, and a machine busy with other test classes would make those steps
/// land at the end of a run instead of half-way.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterProcessesCollection
{
    public const string Name = "cluster processes";
}
