using System.Collections.Immutable;
using NumaActors.Kernel.Phases;

namespace NumaActors.Actors.Messages;

/// <summary>
/// Phase A (server → cgroup → server): the process's tasks run, the scanner marks, accesses to
/// marked pages take hinting faults. One message per cgroup per tick, one reply.
/// </summary>
public static class ScanFaultProtocol
{
    /// <summary>
    /// Run phase A of tick <see cref="Tick"/>. <see cref="Moves"/> are phase D's results of the
    /// previous tick for this process's tasks; <see cref="HookGeneration"/> changes whenever the
    /// server's hook state or knobs may have changed, so the cgroup republishes its snapshot.
    /// </summary>
    public sealed record RunScanAndFaults(long Tick, TickContext Context, ImmutableArray<TaskMoveResult> Moves, int HookGeneration);

    /// <summary>
    /// Phase A done: the migration requests of the tick's hinting faults by destination node (index =
    /// node id), each node's in the process's order. <see cref="PhaseC"/> is set when the process
    /// needed nothing from the nodes this tick (<c>ProcessModel.PhaseCWaitsForNodes</c>) and so ran
    /// its phase C at once; the server then sends it no <c>ApplyMigrationResults</c>.
    /// </summary>
    public sealed record FaultsTaken(long Tick, int Pid, ImmutableArray<ImmutableArray<MigrationRequest>> RequestsByNode,
        ProcessPhaseCOutput? PhaseC = null);
}
