namespace NumaActors.Kernel.Fleet;

/// <summary>
/// What happened at the start of a tick, before the kernel model ran (<see cref="ServerSimulation.StartTick"/>):
/// the hook programs' events since the last tick (a faulted program was detached) and the timeline
/// events that came due, with their outcomes.
/// </summary>
public sealed record TickStart(IReadOnlyList<ProgramEvent> ProgramEvents, IReadOnlyList<(int Event, EventOutcome Outcome)> Outcomes)
{
    /// <summary>A timeline event ran: processes may have started, stopped or been replaced.</summary>
    public bool ProcessesMayHaveChanged => Outcomes.Count > 0;

    /// <summary>A timeline event ran or a program was detached for a fault: the hook a cgroup resolves may differ.</summary>
    public bool HooksMayHaveChanged => Outcomes.Count > 0 || DetachedAny();

    // Asked every server-tick: a loop, not LINQ, so a quiet tick allocates nothing here.
    private bool DetachedAny()
    {
        foreach (var e in ProgramEvents)
            if (e.Kind == ProgramEvent.Fault) return true;
        return false;
    }
}
