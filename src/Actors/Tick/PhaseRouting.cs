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
    /// <summary>Phase A → B: each request to its destination node, processes in pid order.</summary>
    public static ImmutableArray<MigrationRequest>[] RequestsByNode(int nodeCount, IReadOnlyList<ImmutableArray<MigrationRequest>> byPidOrder)
    {
        var perNode = new ImmutableArray<MigrationRequest>.Builder[nodeCount];
        for (var n = 0; n < nodeCount; n++) perNode[n] = ImmutableArray.CreateBuilder<MigrationRequest>();
        foreach (var requests in byPidOrder)
            foreach (var q in requests) perNode[q.DstNode].Add(q);
        return [.. perNode.Select(b => b.ToImmutable())];
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
