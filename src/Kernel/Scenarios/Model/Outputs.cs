namespace NumaActors.Kernel.Scenarios;

/// <summary>What the run writes besides the report: the time-series interval (a multiple of the tick).</summary>
public sealed record Outputs(TimeSpan TimeseriesInterval)
{
    public static Outputs Default { get; } = new(TimeSpan.FromSeconds(10));
}
