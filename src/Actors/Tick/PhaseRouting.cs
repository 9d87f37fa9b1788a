using System.Collections.Immutable;
using System.Runtime.InteropServices;
using NumaActors.Kernel.Phases;

namespace NumaActors.Actors.Tick;

/// <summary>
/// How the outputs of one phase become the inputs of the next, as pure functions over arrays in
/// canonical order (processes by pid, nodes by id): exactly the routing of <c>ServerModel.Step</c>,
/// so the actor engine hands every kernel call the same collections in the same order.
/// </summary>
public static class PhaseRouting
{
    /// <summary>
    /// Phase A → B: for each destination node, the processes' arrays for it in pid order (the
    /// requests themselves are not copied; the node copies them once into its sort buffer).
    /// </summary>
    public static ImmutableArray<ImmutableArray<MigrationRequest>>[] RequestsByNode(int nodeCount,
        IReadOnlyList<ImmutableArray<ImmutableArray<MigrationRequest>>> byPidOrder)
    {
        var perNode = new ImmutableArray<ImmutableArray<MigrationRequest>>[nodeCount];
        for (var n = 0; n < nodeCount; n++)
        {
            var parts = ImmutableArray.CreateBuilder<ImmutableArray<MigrationRequest>>(byPidOrder.Count);
            foreach (var byNode in byPidOrder)
                if (!byNode[n].IsEmpty) parts.Add(byNode[n]);
            perNode[n] = parts.DrainToImmutable();
        }
        return perNode;
    }

    /// <summary>
    /// Phase B → C: each process's results, by its index in <paramref name="pids"/> (ascending):
    /// nodes in id order, each node's results in its order. Counted first, so each process's array
    /// is built once at its size.
    /// </summary>
    public static ImmutableArray<MigrationResult>[] ResultsByPid(IReadOnlyList<NodePhaseBOutput> byNodeId, int[] pids)
    {
        var counts = new int[pids.Length];
        foreach (var output in byNodeId)
            foreach (var r in output.Results) counts[PidIndex(pids, r.Pid)]++;
        var arrays = new MigrationResult[pids.Length][];
        for (var i = 0; i < pids.Length; i++)
        {
            arrays[i] = counts[i] == 0 ? [] : new MigrationResult[counts[i]];
            counts[i] = 0;
        }
        foreach (var output in byNodeId)
            foreach (var r in output.Results)
            {
                var i = PidIndex(pids, r.Pid);
                arrays[i][counts[i]++] = r;
            }
        var byPid = new ImmutableArray<MigrationResult>[pids.Length];
        for (var i = 0; i < pids.Length; i++) byPid[i] = ImmutableCollectionsMarshal.AsImmutableArray(arrays[i]);
        return byPid;
    }

    /// <summary>Phase B → C: every demotion demand of the tick, in node order.</summary>
    public static ImmutableArray<DemotionDemand> Demotions(IReadOnlyList<NodePhaseBOutput> byNodeId)
    {
        var demotions = ImmutableArray.CreateBuilder<DemotionDemand>(0);
        foreach (var o in byNodeId)
            if (o.Demotion is { } d) demotions.Add(d);
        return demotions.DrainToImmutable();
    }

    /// <summary>Phase D → next A: move results grouped by pid, in the resolver's order.</summary>
    public static Dictionary<int, ImmutableArray<TaskMoveResult>> MovesByPid(IReadOnlyList<TaskMoveResult> results) =>
        results.Count == 0 ? [] : results.GroupBy(m => m.Pid).ToDictionary(g => g.Key, g => g.ToImmutableArray());

    /// <summary>A pid's index among the tick's pids (ascending); a pid the tick does not know is an error, never a miscount.</summary>
    public static int PidIndex(int[] pids, int pid)
    {
        var i = Array.BinarySearch(pids, pid);
        return i >= 0 ? i : throw new InvalidOperationException($"pid {pid} is not in this tick");
    }
}
