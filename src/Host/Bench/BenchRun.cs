namespace NumaActors.Host.Bench;

/// <summary>
/// One engine's run of one fleet size: wall time and throughput, what it simulated, and memory.
/// <see cref="PeakWorkingSetBytes"/> is the process working set sampled during the run (its peak);
/// <see cref="BytesPerTask"/> is that peak over the simulated tasks of the whole fleet.
/// <see cref="AllocatedBytes"/> is null unless bench was asked to count allocations.
/// </summary>
public sealed record BenchRun(
    int Servers,
    int Seconds,
    string Engine,
    double WallSeconds,
    double ServerSecondsPerWallSecond,
    long Tasks,
    long HintFaults,
    long PagesMigrated,
    long PeakWorkingSetBytes,
    long WorkingSetBeforeBytes,
    long? AllocatedBytes,
    int Gen0Collections,
    int Gen2Collections)
{
    public double HintFaultsPerWallSecond => WallSeconds > 0 ? HintFaults / WallSeconds : 0;

    public double PagesMigratedPerWallSecond => WallSeconds > 0 ? PagesMigrated / WallSeconds : 0;

    public double BytesPerTask => Tasks > 0 ? (double)PeakWorkingSetBytes / Tasks : 0;

    /// <summary>Managed bytes allocated per simulated server-second: what the GC has to clean up.</summary>
    public double? AllocatedBytesPerServerSecond => AllocatedBytes / ((double)Servers * Seconds);
}
