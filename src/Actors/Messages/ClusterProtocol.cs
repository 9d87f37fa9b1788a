using System.Collections.Immutable;
using NumaActors.Kernel.Fleet;

namespace NumaActors.Actors.Messages;

/// <summary>
/// Everything that crosses processes in a cluster run (host ↔ workers ↔ server entities). Each
/// record is bound to <c>FleetWireSerializer</c> through <see cref="IFleetWireMessage"/>; nothing
/// here falls back to a reflection serializer.
/// </summary>
public static class ClusterProtocol
{
    /// <summary>Run server slot <see cref="Slot"/> from <see cref="FromTick"/> ticks done to <see cref="UntilTick"/>.
    /// Idempotent: a fresh entity replays from the scenario up to <see cref="FromTick"/> first.</summary>
    public sealed record RunServerEpoch(int Slot, long FromTick, long UntilTick) : IFleetWireMessage;

    /// <summary>
    /// One part of what a server produced in an epoch: samples, timeline outcomes and hook-program
    /// events (BPF faults, printk lines), cut into
    /// <see cref="Parts"/> messages so each frame stays well under Akka.Remote's frame limit.
    /// <see cref="Member"/> is the cluster address that simulated it.
    /// </summary>
    public sealed record EpochReport(
        int Slot,
        long FromTick,
        long UntilTick,
        int Part,
        int Parts,
        string Member,
        ImmutableArray<ServerSample> Samples,
        ImmutableArray<(int Event, EventOutcome Outcome)> Events,
        ImmutableArray<ProgramEvent> ProgramEvents) : IFleetWireMessage;

    /// <summary>A simulated server failed (the model threw); the run fails with the reason.</summary>
    public sealed record ServerFailed(int Slot, string Reason) : IFleetWireMessage;

    /// <summary>A member asks the host for the scenario it runs.</summary>
    public sealed record GetScenario(string Member) : IFleetWireMessage;

    /// <summary>One piece of the scenario text (the host sends <see cref="Count"/> of them, each under the frame limit).</summary>
    public sealed record ScenarioChunk(int Index, int Count, string FileName, string BaseDirectory, string Text) : IFleetWireMessage;

    /// <summary>A member loaded the scenario (<see cref="Error"/> empty) or could not (why).</summary>
    public sealed record MemberReady(string Member, string Error) : IFleetWireMessage;

    /// <summary>The host is done: the run succeeded or failed; workers leave and exit.</summary>
    public sealed record FleetFinished(bool Succeeded, string Message) : IFleetWireMessage;

    /// <summary>A worker got <see cref="FleetFinished"/> and is leaving.</summary>
    public sealed record FleetFinishedAck(string Member) : IFleetWireMessage;
}
