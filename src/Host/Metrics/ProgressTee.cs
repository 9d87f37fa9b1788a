using NumaActors.Kernel.Fleet;

namespace NumaActors.Host.Metrics;

/// <summary>Hands each progress report to the display and to the metrics.</summary>
public sealed class ProgressTee(IProgress<RunProgress> display, RunMetrics metrics) : IProgress<RunProgress>
{
    public void Report(RunProgress value)
    {
        metrics.Report(value);
        display.Report(value);
    }
}
