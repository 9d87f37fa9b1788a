using NumaActors.Kernel.Phases;

namespace NumaActors.Actors.Messages;

/// <summary>
/// Phase D's outcome as the tasks see it: the server resolves moves and swaps (task-id order) and
/// hands the results to each process in the next phase A; the cgroup tells each task that moved.
/// </summary>
public static class TaskMoveProtocol
{
    /// <summary>The task's move result, applied by its process at the start of tick <see cref="Tick"/>.</summary>
    public sealed record TaskMoved(long Tick, TaskMoveResult Result);

    /// <summary>
    /// After phase C: the task's preferred node changed (<c>task_numa_placement</c> picked another).
    /// Sent only on a change.
    /// </summary>
    public sealed record PreferredNodeChanged(long Tick, int PreferredNode);
}
