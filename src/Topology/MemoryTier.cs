namespace NumaActors.Topology;

/// <summary>Memory tier of a NUMA node: top-tier DRAM, or a slower tier such as CXL-attached memory.</summary>
public enum MemoryTier
{
    Fast,
    Slow,
}
