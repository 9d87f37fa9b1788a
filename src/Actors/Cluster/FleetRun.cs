using System.Collections.Immutable;
using NumaActors.Actors.Engine;
using NumaActors.Kernel.Fleet;
using NumaActors.Kernel.Scenarios;

namespace NumaActors.Actors.Cluster;

/// <summary>
/// A scenario as every member of a cluster run sees it: the same plan, arms and schedule, built
/// from the same scenario text, so slot <c>k</c> is the same simulated server on every member.
/// Slot = arm index × servers + server index (as in the in-process engine).
/// </summary>
public sealed class FleetRun
{
    public FleetRun(Scenario scenario, IHookProgramSource programs, string? arm, ActorEngineOptions options)
    {
        Scenario = scenario;
        Programs = programs;
        Plan = FleetLayout.Plan(scenario);
        Arms = [.. scenario.Arms.Where(a => arm is null || a.Name == arm)];
        var tickMs = (long)scenario.Tick.TotalMilliseconds;
        Schedule = new RowSchedule(scenario.TickCount, tickMs, (long)scenario.Outputs.TimeseriesInterval.TotalMilliseconds);
        EpochTicks = Math.Max(1, (long)(options.Epoch.TotalMilliseconds / tickMs));
        Options = options;
    }

    public Scenario Scenario { get; }
    public IHookProgramSource Programs { get; }
    public ImmutableArray<ServerPlan> Plan { get; }
    public ImmutableArray<Arm> Arms { get; }
    public RowSchedule Schedule { get; }
    public long EpochTicks { get; }
    public ActorEngineOptions Options { get; }

    public int Slots => Arms.Length * Plan.Length;

    public Arm ArmOf(int slot) => Arms[slot / Plan.Length];

    public ServerPlan ServerOf(int slot) => Plan[slot % Plan.Length];

    /// <summary>The tick an epoch that starts at <paramref name="fromTick"/> ends at.</summary>
    public long EpochEnd(long fromTick) => Math.Min(fromTick + EpochTicks, Scenario.TickCount);
}
