using NumaActors.Topology;

namespace NumaActors.Kernel.Rules;

/// <summary>
/// Per-server constants derived from the machine: the sched topology type over CPU nodes
/// (kernel-model.md §4.2), the maximum distance, top-tier nodes, demotion targets and the
/// access-latency matrix (§8.2).
/// </summary>
public sealed class NumaTopology
{
    private readonly int[] _distances;
    private readonly double[] _latencyNs;

    public NumaTopology(Machine machine, double fallbackLocalLatencyNs)
    {
        NodeCount = machine.NodeCount;
        int n = NodeCount;
        _distances = new int[n * n];
        _latencyNs = new double[n * n];
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++)
            {
                _distances[a * n + b] = machine.Distance(a, b);
                // Measured latency when known; else the SLIT distance read as a ratio of local DRAM (documented fallback).
                _latencyNs[a * n + b] = machine.LatencyNs is { } lat ? lat[a][b] : fallbackLocalLatencyNs * machine.Distance(a, b) / 10.0;
            }
        HasCpus = machine.Nodes.Select(x => x.HasCpus).ToArray();
        Cpus = machine.Nodes.Select(x => x.Cpus).ToArray();
        TopTier = machine.Nodes.Select(x => x.Tier == MemoryTier.Fast).ToArray();
        MemoryPages = machine.Nodes.Select(x => x.MemoryBytes / KernelConstants.PageSize).ToArray();
        CpuNodes = Enumerable.Range(0, n).Where(i => HasCpus[i]).ToArray();
        MaxDistance = 0;
        foreach (int a in CpuNodes) foreach (int b in CpuNodes) MaxDistance = Math.Max(MaxDistance, Distance(a, b));
        Type = ComputeType();
    }

    public int NodeCount { get; }
    public bool[] HasCpus { get; }
    public int[] Cpus { get; }
    public bool[] TopTier { get; }
    public long[] MemoryPages { get; }
    public int[] CpuNodes { get; }
    public int MaxDistance { get; }
    public TopologyType Type { get; }

    public int Distance(int a, int b) => _distances[a * NodeCount + b];
    public double LatencyNs(int cpuNode, int memNode) => _latencyNs[cpuNode * NodeCount + memNode];

    /// <summary>Nearest node with CPUs (lowest id on ties): the kernel never prefers a memory-only node (§4.1).</summary>
    public int NearestCpuNode(int node)
    {
        if (HasCpus[node]) return node;
        int best = -1;
        foreach (int c in CpuNodes)
            if (best < 0 || Distance(node, c) < Distance(node, best)) best = c;
        return best;
    }

    /// <summary><c>next_demotion_node</c> approximated as the nearest slow-tier node (§5.3); -1 when none.</summary>
    public int DemotionTarget(int node)
    {
        int best = -1;
        for (int m = 0; m < NodeCount; m++)
            if (!TopTier[m] && (best < 0 || Distance(node, m) < Distance(node, best))) best = m;
        return best;
    }

    private TopologyType ComputeType()
    {
        var distinct = new SortedSet<int>();
        foreach (int a in CpuNodes) foreach (int b in CpuNodes) distinct.Add(Distance(a, b));
        if (distinct.Count <= 2) return TopologyType.Direct;
        foreach (int a in CpuNodes)
            foreach (int b in CpuNodes)
            {
                if (Distance(a, b) != MaxDistance) continue;
                foreach (int c in CpuNodes)
                    if (c != a && c != b && Distance(a, c) < MaxDistance && Distance(b, c) < MaxDistance)
                        return TopologyType.GluelessMesh;
                return TopologyType.Backplane;
            }
        return TopologyType.Direct;
    }
}
