namespace NumaActors.Kernel.Model;

/// <summary>
/// A numa group (kernel-model.md §4.3): tasks that share memory, with MEM and CPU faults per node
/// and type (index = 2 × (stat × N + nid) + priv, stat 0 = MEM, 1 = CPU), the total, and its
/// active nodes (CPU faults × 3 > the maximum).
/// </summary>
public sealed class NumaGroup
{
    public NumaGroup(int gid, int nodeCount)
    {
        Gid = gid;
        NodeCount = nodeCount;
        Faults = new long[4 * nodeCount];
        Active = new bool[nodeCount];
    }

    public int Gid { get; }
    public int NodeCount { get; }
    public int Tasks;
    public readonly long[] Faults;
    public long Total;
    public readonly bool[] Active;
    public int ActiveNodes = 1;

    public int Idx(int stat, int nid, int priv) => 2 * (stat * NodeCount + nid) + priv;
    public long MemFaults(int nid) => Faults[Idx(0, nid, 0)] + Faults[Idx(0, nid, 1)];
    public long CpuFaults(int nid) => Faults[Idx(1, nid, 0)] + Faults[Idx(1, nid, 1)];

    public long SharedFaults()
    {
        long s = 0;
        for (int n = 0; n < NodeCount; n++) s += Faults[Idx(0, n, 0)];
        return s;
    }

    public long PrivateFaults()
    {
        long s = 0;
        for (int n = 0; n < NodeCount; n++) s += Faults[Idx(0, n, 1)];
        return s;
    }

    /// <summary><c>numa_group_count_active_nodes</c>.</summary>
    public void CountActiveNodes()
    {
        long max = 0;
        for (int n = 0; n < NodeCount; n++) max = Math.Max(max, CpuFaults(n));
        int active = 0;
        for (int n = 0; n < NodeCount; n++)
        {
            Active[n] = CpuFaults(n) * Rules.KernelConstants.ActiveNodeFraction > max;
            if (Active[n]) active++;
        }
        ActiveNodes = Math.Max(active, 1);
    }
}
