namespace NumaActors.Topology;

/// <summary>One NUMA node: its CPUs (0 for a memory-only node), its memory and its tier.</summary>
public sealed record NumaNode(int Id, int Cpus, long MemoryBytes, MemoryTier Tier = MemoryTier.Fast)
{
    public bool HasCpus => Cpus > 0;
}
