using NumaActors.Kernel.Fleet;
using NumaActors.Kernel.Reporting;

namespace NumaActors.Host.Metrics;

/// <summary>
/// What the metrics endpoint shows of a run in progress: the latest progress, and the figures of each
/// arm once all its servers are done. Written from the engine's thread, read from the HTTP thread.
/// </summary>
public sealed class RunMetrics
{
    private readonly object gate = new();
    private readonly Dictionary<string, (int Done, int Servers)> servers = new(StringComparer.Ordinal);
    private readonly List<ArmReport> completed = [];
    private double serverSecondsDone;
    private double serverSecondsTotal;

    public RunMetrics(string scenario) => Scenario = scenario;

    public string Scenario { get; }

    public void Report(RunProgress p)
    {
        lock (gate)
        {
            servers[p.Arm] = (p.ServersDone, p.Servers);
            serverSecondsDone = p.ServerSecondsDone;
            serverSecondsTotal = p.ServerSecondsTotal;
        }
    }

    public void ArmCompleted(ArmReport arm)
    {
        lock (gate)
        {
            completed.RemoveAll(a => a.Name == arm.Name);
            completed.Add(arm);
        }
    }

    /// <summary>A consistent copy for one scrape.</summary>
    public (double Done, double Total, IReadOnlyList<(string Arm, int Done, int Servers)> Servers, IReadOnlyList<ArmReport> Completed) Snapshot()
    {
        lock (gate)
            return (serverSecondsDone, serverSecondsTotal,
                servers.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value.Done, kv.Value.Servers)).ToList(),
                completed.ToList());
    }
}
