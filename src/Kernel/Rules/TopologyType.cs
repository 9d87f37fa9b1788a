namespace NumaActors.Kernel.Rules;

/// <summary><c>sched_numa_topology_type</c> (kernel-model.md §4.2).</summary>
public enum TopologyType
{
    Direct,
    GluelessMesh,
    Backplane,
}
