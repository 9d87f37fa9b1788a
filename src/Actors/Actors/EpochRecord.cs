using NumaActors.Kernel.Fleet;
using static NumaActors.Actors.Messages.TickProtocol;

namespace NumaActors.Actors.Actors;

/// <summary>
/// What a server reports at the end of an epoch, gathered tick by tick in the sequential engine's
/// order: before each tick the hook programs' events and the timeline events due, after it the
/// time-series rows due.
/// </summary>
internal sealed class EpochRecord(ServerSimulation sim, RowSchedule schedule)
{
    private readonly List<ServerSample> samples = [];
    private readonly List<(int, EventOutcome)> events = [];
    private readonly List<ProgramEvent> programEvents = [];

    /// <summary>
    /// Takes the programs' events (a faulted program is detached) and applies the due timeline
    /// events. Returns whether processes may have changed and whether a hook changed.
    /// </summary>
    public (bool ProcessesChanged, bool HooksChanged) BeforeTick()
    {
        var taken = sim.TakeProgramEvents();
        programEvents.AddRange(taken);
        var due = sim.ApplyDueEvents();
        events.AddRange(due);
        return (due.Count > 0, due.Count > 0 || ServerSimulation.DetachedAny(taken));
    }

    /// <summary>The rows due once <paramref name="ticksDone"/> ticks have run.</summary>
    public void AfterTick(long ticksDone)
    {
        foreach (var row in schedule.RowsAfter(ticksDone)) samples.Add(sim.Sample(row));
    }

    /// <summary>The epoch's report; the record starts the next epoch empty.</summary>
    public EpochDone Take(int slot, long ticksDone)
    {
        var done = new EpochDone(slot, sim.ServerId, ticksDone, [.. samples], [.. events], [.. programEvents]);
        samples.Clear();
        events.Clear();
        programEvents.Clear();
        return done;
    }
}
