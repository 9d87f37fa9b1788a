using System.Net;
using NumaActors.Host.Cli;

namespace NumaActors.Host.Metrics;

/// <summary>The metrics of one run and, when a port was asked for, the endpoint serving them.</summary>
public sealed class MetricsSession : IDisposable
{
    private readonly MetricsEndpoint? endpoint;

    private MetricsSession(RunMetrics? metrics, MetricsEndpoint? endpoint)
    {
        Metrics = metrics;
        this.endpoint = endpoint;
    }

    /// <summary>Null when no port was asked for.</summary>
    public RunMetrics? Metrics { get; }

    /// <summary>Opens the endpoint on <paramref name="port"/> (none when null); false, with the reason printed, when it cannot listen.</summary>
    public static bool TryOpen(CliConsole console, int? port, string scenarioName, out MetricsSession session)
    {
        session = new MetricsSession(null, null);
        if (port is not { } p) return true;
        var metrics = new RunMetrics(scenarioName);
        try
        {
            session = new MetricsSession(metrics, new MetricsEndpoint(p, metrics));
        }
        catch (HttpListenerException e)
        {
            console.Fail($"--metrics-port {p}: cannot listen: {e.Message}");
            return false;
        }
        console.Out.WriteLine($"metrics: http://localhost:{p}/metrics");
        return true;
    }

    /// <summary>The progress to hand the engine: the display's, and the metrics' too when there are metrics.</summary>
    public IProgress<Kernel.Fleet.RunProgress> Tee(IProgress<Kernel.Fleet.RunProgress> display) =>
        Metrics is null ? display : new ProgressTee(display, Metrics);

    public void Dispose() => endpoint?.Dispose();
}
