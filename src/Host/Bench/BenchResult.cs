namespace NumaActors.Host.Bench;

/// <summary>Everything one <c>bench</c> invocation measured (CONTRACT.md §1, bench.json).</summary>
public sealed record BenchResult(
    DateTimeOffset StartedUtc,
    int ProcessorCount,
    string Runtime,
    string Os,
    IReadOnlyList<BenchRun> Runs,
    IReadOnlyList<BenchRatio> Ratios,
    long ProcessPeakWorkingSetBytes)
{
    public bool Identical => Ratios.All(r => r.Identical);
}
