using NumaActors.Kernel.Rules;
using NumaActors.Kernel.Setup;

namespace NumaActors.Kernel.Model;

/// <summary>Where a new process's tasks run and its memory starts (CONTRACT.md §2 <c>pin</c>, <c>cpuset</c>, <c>initial_memory</c>).</summary>
internal static class InitialPlacer
{
    /// <summary>Pinned tasks on their pin node; others on the allowed CPU node with the lowest running/CPUs ratio (lowest id on ties).</summary>
    public static void PlaceTasks(ProcessModel proc, NumaTopology topo, int[] running)
    {
        foreach (var task in proc.Tasks)
        {
            int best = -1;
            foreach (int n in topo.CpuNodes)
            {
                if (!task.AllowedNodes[n]) continue;
                if (best < 0 || (long)running[n] * topo.Cpus[best] < (long)running[best] * topo.Cpus[n]) best = n;
            }
            task.Node = best < 0 ? topo.CpuNodes[0] : best;
            if (task.Utilization > 0) running[task.Node]++;
        }
    }

    public static void PlaceMemory(ProcessModel proc, Setup.InitialPlacement placement, NumaTopology topo, NodeModel[] nodes)
    {
        int n = topo.NodeCount;
        var memNodes = Enumerable.Range(0, n).Where(i => proc.IsMemoryAllowed(i)).ToArray();
        var fastNodes = memNodes.Where(i => topo.TopTier[i]).ToArray();
        if (fastNodes.Length == 0) fastNodes = memNodes;
        // One zonelist per wanted node, built on first use: the order is the same for every region.
        var zonelists = new int[n][];
        for (int r = 0; r < proc.RegionCount; r++)
        {
            long pages = proc.RegionResident(r);
            switch (placement.Kind)
            {
                case InitialPlacementKind.Interleave:
                    for (int k = 0; k < memNodes.Length; k++)
                    {
                        // Page-granular round robin, continued across regions.
                        long offset = (long)r * proc.RegionPages;
                        long share = CountCongruent(offset, pages, k, memNodes.Length);
                        Allocate(proc, r, memNodes[k], share, Zonelist(zonelists, topo, memNodes[k]), nodes);
                    }
                    break;
                case InitialPlacementKind.Node:
                    Allocate(proc, r, placement.Node, pages, Zonelist(zonelists, topo, placement.Node), nodes);
                    break;
                case InitialPlacementKind.Spread:
                    Allocate(proc, r, fastNodes[r % fastNodes.Length], pages, Zonelist(zonelists, topo, fastNodes[r % fastNodes.Length]), nodes);
                    break;
                default:
                    int toucherNode = proc.Tasks[proc.RegionFirstToucher(r)].Node;
                    Allocate(proc, r, toucherNode, pages, Zonelist(zonelists, topo, toucherNode), nodes);
                    break;
            }
        }
    }

    private static long CountCongruent(long offset, long count, int k, int m)
    {
        // Numbers x in [offset, offset + count) with x mod m == k.
        long first = offset + ((k - offset % m) % m + m) % m;
        return first >= offset + count ? 0 : (offset + count - 1 - first) / m + 1;
    }

    /// <summary>The wanted node first, then the others by distance from it, then by id (a total order).</summary>
    private static int[] Zonelist(int[][] cache, NumaTopology topo, int wanted)
    {
        if (cache[wanted] is { } known) return known;
        var order = new int[topo.NodeCount];
        for (int m = 0; m < order.Length; m++) order[m] = m;
        Array.Sort(order, (a, b) =>
        {
            int c = (a == wanted ? 0 : 1).CompareTo(b == wanted ? 0 : 1);
            if (c == 0) c = topo.Distance(wanted, a).CompareTo(topo.Distance(wanted, b));
            return c != 0 ? c : a.CompareTo(b);
        });
        return cache[wanted] = order;
    }

    /// <summary>Allocate on the wanted node while it has room above its high watermark, then on the nearest nodes (zonelist order).</summary>
    private static void Allocate(ProcessModel proc, int r, int wanted, long pages, int[] order, NodeModel[] nodes)
    {
        foreach (int m in order)
        {
            if (pages <= 0) return;
            if (m != wanted && !proc.IsMemoryAllowed(m)) continue;
            long room = Math.Max(0, nodes[m].FreePages - nodes[m].Watermarks.High);
            long take = Math.Min(room, pages);
            if (take <= 0) continue;
            proc.PlaceInitialPages(r, m, take);
            nodes[m].Adjust(take);
            pages -= take;
        }
        if (pages > 0)
        {
            // Over-committed machine: the rest lands on the wanted node regardless (the model does not swap).
            proc.PlaceInitialPages(r, wanted, pages);
            nodes[wanted].Adjust(pages);
        }
    }
}
