using Akka.Actor;
using NumaActors.Actors.Actors;
using NumaActors.Kernel.Fleet;
using NumaActors.Kernel.Scenarios;

namespace NumaActors.Actors.Tests.Support;

/// <summary>Props for one server of a scenario's first arm, as the coordinator would make it.</summary>
public static class ServerFixture
{
    public static Props ServerProps(Scenario scenario, int server = 0, string? dispatcher = null)
    {
        var schedule = new RowSchedule(scenario.TickCount, (long)scenario.Tick.TotalMilliseconds, (long)scenario.Outputs.TimeseriesInterval.TotalMilliseconds);
        return ServerActor.Props(server, scenario, scenario.Arms[0], FleetLayout.Plan(scenario)[server], TestScenarios.Programs, schedule, dispatcher);
    }
}
