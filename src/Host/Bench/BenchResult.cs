namespace NumaActors.Host.Bench;

/// <summary>
/// Everything one <c>bench</c> invocation measured (CONTRACT.md §1, bench.json), and the fault grain
/// the fleet ran with (4 KiB unless <c>--fault-grain</c> said otherwise).
/// </summary>
public sealed record BenchResult(
    DateTimeOffset StartedUtc,
    int ProcessorCount,
    string Runtime,
    string Os,
    IReadOnlyList<BenchRun> Runs,
    IReadOnlyList<BenchRatio> Ratios,
    long ProcessPeakWorkingSetBytes,
    long FaultGrainBytes,
    bool Compared = true)
{
    /// <summary>The actor engine's servers in flight (null when it did not run).</summary>
    public int? ServersInFlight { get; init; }

    /// <summary>Both engines ran and gave the same results (false when only one engine ran: nothing was compared).</summary>
    public bool Identical => Compared && Ratios.All(r => r.Identical);
}
