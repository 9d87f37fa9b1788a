namespace NumaActors.Kernel.Rules;

/// <summary>
/// Node scoring of task placement (kernel-model.md §4.2): <c>score_nearby_nodes</c>,
/// <c>task_weight</c>/<c>group_weight</c> and <c>preferred_group_nid</c>. <c>faults[n]</c> is the
/// MEM fault count of node n (both types summed).
/// </summary>
public static class PlacementScore
{
    public static long NearbyScore(NumaTopology topo, ReadOnlySpan<long> faults, int nid, int limDist)
    {
        if (topo.Type == TopologyType.Direct) return 0;
        long score = 0;
        int max = topo.MaxDistance;
        foreach (int m in topo.CpuNodes)
        {
            if (m == nid) continue;
            int d = topo.Distance(nid, m);
            if (d >= max) continue;
            if (topo.Type == TopologyType.Backplane && d >= limDist) continue;
            long f = faults[m];
            if (topo.Type == TopologyType.GluelessMesh)
                f = f * (max - d) / (max - KernelConstants.LocalDistance);
            score += f;
        }
        return score;
    }

    /// <summary>1000 × (faults(nid) + nearby) / total; 0 without statistics.</summary>
    public static long Weight(NumaTopology topo, ReadOnlySpan<long> faults, long total, int nid, int dist)
    {
        if (total <= 0) return 0;
        long f = faults[nid] + NearbyScore(topo, faults, nid, dist);
        return 1000 * f / total;
    }

    /// <summary><c>preferred_group_nid</c>: DIRECT → nid; MESH → best group weight; BACKPLANE → best socket, then best node within it.</summary>
    public static int PreferredGroupNid(NumaTopology topo, ReadOnlySpan<long> groupFaults, long groupTotal, int nid)
    {
        if (topo.Type == TopologyType.Direct) return nid;
        if (topo.Type == TopologyType.GluelessMesh)
        {
            long best = -1;
            int bestNid = nid;
            foreach (int n in topo.CpuNodes)
            {
                long w = Weight(topo, groupFaults, groupTotal, n, topo.MaxDistance);
                if (w > best) { best = w; bestNid = n; }
            }
            return bestNid;
        }
        // BACKPLANE: shrink the candidate set distance by distance.
        var candidates = new List<int>(topo.CpuNodes);
        for (int dist = topo.MaxDistance; dist > KernelConstants.LocalDistance; dist--)
        {
            long maxFaults = -1;
            List<int>? bestGroup = null;
            var seen = new bool[topo.NodeCount];
            foreach (int a in candidates)
            {
                if (seen[a]) continue;
                var grp = new List<int>();
                long faults = 0;
                foreach (int b in candidates)
                    if (topo.Distance(a, b) < dist) { grp.Add(b); seen[b] = true; faults += groupFaults[b]; }
                if (faults > maxFaults) { maxFaults = faults; bestGroup = grp; }
            }
            if (bestGroup is { Count: > 0 }) candidates = bestGroup;
            if (candidates.Count == 1) break;
        }
        return candidates.Count > 0 ? candidates[0] : nid;
    }
}
