using System.Collections.Immutable;
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

    /// <summary>Phase B → C: results grouped by pid, nodes in id order, each node's results in its order.</summary>
    public static Dictionary<int, ImmutableArray<MigrationResult>> ResultsByPid(IReadOnlyList<NodePhaseBOutput> byNodeId)
    {
        var builders = new Dictionary<int, ImmutableArray<MigrationResult>.Builder>();
        foreach (var output in byNodeId)
            foreach (var r in output.Results)
            {
                if (!builders.TryGetValue(r.Pid, out var list)) builders[r.Pid] = list = ImmutableArray.CreateBuilder<MigrationResult>();
                list.Add(r);
            }
        return builders.ToDictionary(kv => kv.Key, kv => kv.Value.ToImmutable());
    }

    /// <summary>Phase B → C: every demotion demand of the tick, in node order.</summary>
    public static ImmutableArray<DemotionDemand> Demotions(IReadOnlyList<NodePhaseBOutput> byNodeId) =>
        [.. byNodeId.Where(o => o.Demotion.HasValue).Select(o => o.Demotion.GetValueOrDefault())];

    /// <summary>Phase D → next A: move results grouped by pid, in the resolver's order.</summary>
    public static Dictionary<int, ImmutableArray<TaskMoveResult>> MovesByPid(IReadOnlyList<TaskMoveResult> results) =>
        results.GroupBy(m => m.Pid).ToDictionary(g => g.Key, g => g.ToImmutableArray());
}
