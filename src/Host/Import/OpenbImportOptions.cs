namespace NumaActors.Host.Import;

/// <summary>
/// How to turn the trace into a scenario. <see cref="Hours"/> null: the whole trace; otherwise the window
/// is <see cref="Hours"/> long from <see cref="StartHour"/> (default: the last <see cref="Hours"/> of the
/// trace). <see cref="TimeScale"/> null: the window is compressed to exactly <see cref="Duration"/>.
/// </summary>
public sealed record OpenbImportOptions(
    string Name = "openb",
    TimeSpan? Duration = null,
    double? Hours = null,
    double? StartHour = null,
    double? TimeScale = null,
    int? MaxServers = null,
    ulong Seed = 42)
{
    public static TimeSpan DefaultDuration { get; } = TimeSpan.FromSeconds(600);

    /// <summary>Simulation step of the scenario; events are rounded down to it.</summary>
    public static TimeSpan Tick { get; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The region size keeps the fleet's resident memory within this many regions (docs/IMPORT.md).</summary>
    public const long RegionBudget = 8L << 20;
}
