using NumaActors.Kernel.Observability;

namespace NumaActors.Kernel.Fleet;

/// <summary>
/// One workload's (or the fleet's) figures over one interval, summed over instances and servers.
/// Sums are integers (accesses, ns) so that adding servers in any order gives the same bytes:
/// the actor engine merges results as they arrive, the sequential engine in server order.
/// </summary>
public sealed class IntervalFigures
{
    public long Accesses;
    public long LocalAccesses;
    public long LatencyNs;
    public long BalancingCpuNs;
    public long TaskCpuNs;
    public int Instances;
    public bool BalancingEnabled;
    public VmStatCounters Vmstat = VmStatCounters.Zero;
    public long[] PagesOnNode;
    public readonly StallHistogram Stalls = new();

    public IntervalFigures(int nodeSlots) => PagesOnNode = new long[nodeSlots];

    public double LocalAccessRatio => Accesses > 0 ? (double)LocalAccesses / Accesses : 0;
    public double MeanAccessLatencyNs => Accesses > 0 ? (double)LatencyNs / Accesses : 0;
    public double BalancingCpuShare => TaskCpuNs > 0 ? (double)BalancingCpuNs / TaskCpuNs : 0;

    public void AddProcess(ProcessSnapshot p)
    {
        Accesses += (long)Math.Round(p.Accesses);
        LocalAccesses += (long)Math.Round(p.LocalAccesses);
        LatencyNs += (long)Math.Round(p.LatencyNsSum);
        BalancingCpuNs += (long)Math.Round(p.BalancingCpuNs);
        TaskCpuNs += (long)Math.Round(p.TaskCpuNs);
        Instances++;
        BalancingEnabled |= p.BalancingEnabled;
        Vmstat = Vmstat.Add(p.VmStat);
        for (var n = 0; n < p.PagesOnNode.Length && n < PagesOnNode.Length; n++) PagesOnNode[n] += p.PagesOnNode[n];
        foreach (var s in p.StallMsSamples) Stalls.Add(s);
    }

    /// <summary>Adds only what flows over an interval (accesses, CPU time, stalls), not the state at its end.</summary>
    public void AddFlows(IntervalFigures o)
    {
        Accesses += o.Accesses;
        LocalAccesses += o.LocalAccesses;
        LatencyNs += o.LatencyNs;
        BalancingCpuNs += o.BalancingCpuNs;
        TaskCpuNs += o.TaskCpuNs;
        Stalls.Add(o.Stalls);
    }

    public void Add(IntervalFigures o)
    {
        Accesses += o.Accesses;
        LocalAccesses += o.LocalAccesses;
        LatencyNs += o.LatencyNs;
        BalancingCpuNs += o.BalancingCpuNs;
        TaskCpuNs += o.TaskCpuNs;
        Instances += o.Instances;
        BalancingEnabled |= o.BalancingEnabled;
        Vmstat = Vmstat.Add(o.Vmstat);
        for (var n = 0; n < o.PagesOnNode.Length && n < PagesOnNode.Length; n++) PagesOnNode[n] += o.PagesOnNode[n];
        Stalls.Add(o.Stalls);
    }
}
