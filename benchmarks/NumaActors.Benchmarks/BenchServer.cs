using NumaActors.Host.Bench;
using NumaActors.Host.Running;
using NumaActors.Kernel.Fleet;

namespace NumaActors.Benchmarks;

/// <summary>One server of the bench fleet (<c>numa-actors bench</c>): the first, with global balancing.</summary>
public static class BenchServer
{
    private static readonly Kernel.Scenarios.Scenario Scenario = BenchScenario.Build(servers: 2, seconds: 600);

    /// <summary>A fresh server, stepped <paramref name="ticks"/> ticks.</summary>
    public static ServerSimulation Create(int ticks)
    {
        var plan = FleetLayout.Plan(Scenario)[0];
        var sim = new ServerSimulation(Scenario, Scenario.Arms[0], plan, Catalogs.Programs);
        for (int k = 0; k < ticks; k++) sim.Model.Step();
        return sim;
    }
}
