namespace NumaActors.Kernel.Phases;

/// <summary>
/// Phase D → next phase A: the task now runs on <see cref="NewNode"/> (== old node when it stuck).
/// <see cref="Swapped"/> when it was exchanged with a partner (<c>migrate_swap</c>);
/// <see cref="NewPreferredNode"/> is set for grouped tasks (§4.4 step 7), else -1.
/// </summary>
public readonly record struct TaskMoveResult(int TaskId, int Pid, int OldNode, int NewNode, bool Moved, bool Swapped, int NewPreferredNode);
