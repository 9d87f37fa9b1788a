namespace NumaActors.Kernel.Model;

/// <summary>
/// One thread's NUMA-balancing state (kernel-model.md §2.6, §3.6, §10): runtime and node stamp,
/// scan period, the <c>numa_faults</c> array in the kernel's layout
/// (index = 2 × (stat × N + nid) + priv; stats MEM, CPU, MEMBUF, CPUBUF; priv 0 shared, 1 private),
/// locality counts, preferred node and numa group. Owned by its process (mm).
/// </summary>
public sealed class TaskState
{
    public const int Mem = 0, Cpu = 1, MemBuf = 2, CpuBuf = 3;

    public TaskState(int id, int index, int nodeCount)
    {
        Id = id;
        Index = index;
        NodeCount = nodeCount;
    }

    public int Id { get; }
    public int Index { get; }
    public int NodeCount { get; }

    public int Node;
    public bool Pinned;
    public bool[] AllowedNodes = [];
    public double Utilization = 1.0;

    public long RuntimeNs;
    public long NodeStampNs;
    public long ScanPeriodMs;
    public long ScanPeriodMaxMs;

    /// <summary>null until the first accounted fault (the kernel allocates on first use).</summary>
    public long[]? Faults;
    public long TotalFaults;
    public readonly long[] Locality = new long[3];
    public int PreferredNid = -1;
    public int ScanSeq;
    public long MigrateRetryMs;
    public int Group = -1;
    public long LastPlacementRuntimeNs = -1;
    public long LastPlacementNs;
    public long PagesMigrated;

    // Observability: stall time accumulated in the current 100 ms window, and fault locality totals.
    public double StallNsWindow;
    public long HintFaultsLocalPages;
    public long HintFaultsRemotePages;

    public static int Idx(int stat, int nid, int priv, int nodeCount) => 2 * (stat * nodeCount + nid) + priv;

    public long FaultsAt(int stat, int nid, int priv) => Faults is null ? 0 : Faults[Idx(stat, nid, priv, NodeCount)];

    /// <summary>MEM faults of a node, both types (<c>task_faults</c>).</summary>
    public long MemFaults(int nid) => FaultsAt(Mem, nid, 0) + FaultsAt(Mem, nid, 1);
}
