using System.Collections.Immutable;
using NumaActors.Actors.Hooks;
using NumaActors.Kernel.Hooks;

namespace NumaActors.Actors.Messages;

/// <summary>
/// Hook programs: lifecycle commands on a cgroup (attach, update, detach, as in the proposal),
/// the immutable snapshot a cgroup publishes to its tasks, and the per-task decisions.
/// </summary>
public static class PolicyProtocol
{
    public enum HookOperation
    {
        Attach,
        Update,
        Detach,
    }

    /// <summary>
    /// A lifecycle command for the cgroup at <see cref="CgroupPath"/> on one server. It applies
    /// between ticks (the server holds it until its epoch ends) and the reply is a <see cref="HookCommandResult"/>.
    /// </summary>
    public sealed record HookCommand(string CgroupPath, HookOperation Operation, IHookProgram? Program = null, bool Hierarchical = false);

    /// <summary>The registry's answer: ok, or the kernel's error (EBUSY, EINVAL, ENOENT...).</summary>
    public sealed record HookCommandResult(string CgroupPath, HookOperation Operation, HookResult Result);

    /// <summary>Server → cgroup: apply a command now; the answer goes back to the server for <see cref="ReplyTo"/>.</summary>
    internal sealed record ApplyHookCommand(HookCommand Command, Akka.Actor.IActorRef ReplyTo);

    /// <summary>
    /// Cgroup → server: the command is applied. The server has every cgroup republish its snapshot
    /// before it answers <see cref="ReplyTo"/>, so whoever asks a cgroup afterwards sees the new state.
    /// </summary>
    internal sealed record HookCommandApplied(HookCommandResult Result, Akka.Actor.IActorRef ReplyTo);

    /// <summary>Server → cgroups: the hook state changed between ticks; resolve and republish now.</summary>
    internal sealed record RefreshHook(int Generation);

    /// <summary>Cgroup → its tasks: the program that decides for them from the next tick (RCU-style publication).</summary>
    public sealed record PublishHook(HookSnapshot Snapshot);

    /// <summary>
    /// Cgroup → task: decide <c>task_numab_enabled</c> for tick <see cref="Tick"/> for each of the
    /// task's contexts of phase A (before a cross-node move, then for <c>task_tick_numa</c>).
    /// </summary>
    public sealed record DecideHook(long Tick, ImmutableArray<HookTaskContext> Contexts);

    /// <summary>Task → cgroup: one decision per context, in the same order.</summary>
    public sealed record HookDecided(long Tick, int TaskId, ImmutableArray<HookTaskContext> Contexts, ImmutableArray<bool> Enabled);

    /// <summary>Asks a cgroup for the snapshot its tasks hold now.</summary>
    public sealed record GetHookSnapshot
    {
        public static GetHookSnapshot Instance { get; } = new();
    }
}
