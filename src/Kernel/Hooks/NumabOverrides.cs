namespace NumaActors.Kernel.Hooks;

/// <summary>
/// Per-cgroup parameter overrides a hook program may carry. <see cref="HotThresholdMs"/> is the
/// proposal's <c>hot_thresh</c> (0 = use the sysctl); the scan members are the simulator's
/// extensions beyond the proposal (null = use the sysctl).
/// </summary>
public sealed record NumabOverrides
{
    public uint HotThresholdMs { get; init; }
    public uint? ScanSizeMb { get; init; }
    public uint? ScanPeriodMinMs { get; init; }
    public uint? ScanPeriodMaxMs { get; init; }
    public uint? ScanDelayMs { get; init; }

    public static NumabOverrides None { get; } = new();
}
