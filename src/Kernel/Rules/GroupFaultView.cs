namespace NumaActors.Kernel.Rules;

/// <summary>A numa group's decayed MEM and CPU faults per node (both types summed), as the group rule reads them.</summary>
public readonly struct GroupFaultView(long[] mem, long[] cpu)
{
    public long MemFaults(int node) => mem[node];
    public long CpuFaults(int node) => cpu[node];
}
