using NumaActors.Kernel.Fleet;
using static NumaActors.Actors.Messages.TickProtocol;

namespace NumaActors.Actors.Actors;

/// <summary>
/// What a server reports at the end of an epoch, gathered tick by tick: each tick's start
/// (programs' and timeline events), and after it the time-series rows due.
/// </summary>
internal sealed class EpochRecord(ServerSimulation sim, RowSchedule schedule)
{
    private readonly List<ServerSample> samples = [];
    private readonly List<(int, EventOutcome)> events = [];
    private readonly List<ProgramEvent> programEvents = [];

    /// <summary>The tick's start (<see cref="ServerSimulation.StartTick"/>), kept for the epoch's report.</summary>
    public TickStart BeforeTick()
    {
        var start = sim.StartTick();
        programEvents.AddRange(start.ProgramEvents);
        events.AddRange(start.Outcomes);
        return start;
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
