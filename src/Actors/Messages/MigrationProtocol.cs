using System.Collections.Immutable;
using NumaActors.Kernel.Phases;

namespace NumaActors.Actors.Messages;

/// <summary>
/// Phases B and C: nodes resolve every migration request of the tick aimed at them (the node sorts
/// them canonically), then each process applies its results. One message per actor per phase.
/// </summary>
public static class MigrationProtocol
{
    /// <summary>
    /// Phase B for one node: last tick's page transfers that name it and this tick's requests whose
    /// destination it is, one array per process in pid order (the node sorts by task id, region, seq
    /// before deciding).
    /// </summary>
    public sealed record ResolveMigrations(long Tick, TickContext Context, ImmutableArray<PageTransfer> Transfers,
        ImmutableArray<ImmutableArray<MigrationRequest>> RequestsByProcess);

    /// <summary>Phase B done: results per request, a demotion demand if kswapd woke, the node's view.</summary>
    public sealed record MigrationsResolved(long Tick, int NodeId, NodePhaseBOutput Output);

    /// <summary>
    /// Phase C for one process: its results (node order, then the node's order) and every demotion
    /// demand of the tick in node order.
    /// </summary>
    public sealed record ApplyMigrationResults(long Tick, TickContext Context, ImmutableArray<MigrationResult> Results, ImmutableArray<DemotionDemand> Demotions);

    /// <summary>Phase C done: page transfers for the next phase B, task-move requests and placements for phase D.</summary>
    public sealed record MigrationResultsApplied(long Tick, int Pid, ProcessPhaseCOutput Output);
}
