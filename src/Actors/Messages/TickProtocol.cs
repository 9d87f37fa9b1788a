using System.Collections.Immutable;
using NumaActors.Kernel.Fleet;

namespace NumaActors.Actors.Messages;

/// <summary>
/// Coordinator ↔ server: epochs of simulated time (DESIGN.md, time and determinism). A server runs
/// the ticks of one epoch with its children, then reports what the epoch produced and waits.
/// </summary>
public static class TickProtocol
{
    /// <summary>Run ticks until <see cref="UntilTick"/> ticks are done in total.</summary>
    public sealed record RunEpoch(long UntilTick);

    /// <summary>
    /// The epoch is done: time-series samples taken at row boundaries inside it and the timeline
    /// events applied in it, in the order they happened, and what the hook programs did (faults
    /// that detached them, printk lines).
    /// </summary>
    public sealed record EpochDone(
        int Slot,
        int ServerId,
        long TicksDone,
        ImmutableArray<ServerSample> Samples,
        ImmutableArray<(int Event, EventOutcome Outcome)> Events,
        ImmutableArray<ProgramEvent> ProgramEvents);
}
