using System.Collections.Immutable;
using Akka.Actor;

namespace NumaActors.Actors.Messages;

/// <summary>Queries of what actors observed: per task, per cgroup, and the server's child actors.</summary>
public static class CountersProtocol
{
    public sealed record GetTaskState
    {
        public static GetTaskState Instance { get; } = new();
    }

    /// <summary>
    /// A task's observable state: where it runs, its preferred node, moves and swaps applied to it,
    /// the program it holds (null: none) and its hook decisions so far.
    /// </summary>
    public sealed record TaskStateReply(int TaskId, int Node, int PreferredNode, int Moves, int Swaps, string? Program, long Decisions, long Enabled);

    public sealed record GetCgroupCounters
    {
        public static GetCgroupCounters Instance { get; } = new();
    }

    /// <summary>
    /// How phase A's <c>task_numab_enabled</c> calls were answered in this cgroup: from its tasks'
    /// decisions, or (no task decision for that context) by the server's gates.
    /// </summary>
    public sealed record CgroupCounters(int Pid, ulong CgroupId, long DecisionsUsed, long DecisionsMissed, long TicksRun);

    /// <summary>Asks a server for its child actors.</summary>
    public sealed record GetServerActors
    {
        public static GetServerActors Instance { get; } = new();
    }

    /// <summary>The server's nodes (by id), cgroups by pid, and every task actor by task id.</summary>
    public sealed record ServerActors(ImmutableArray<IActorRef> Nodes, ImmutableSortedDictionary<int, IActorRef> CgroupsByPid);

    /// <summary>Asks a cgroup for its task actors, in task-id order.</summary>
    public sealed record GetTasks
    {
        public static GetTasks Instance { get; } = new();
    }

    public sealed record Tasks(ImmutableArray<IActorRef> ByTaskIndex);
}
