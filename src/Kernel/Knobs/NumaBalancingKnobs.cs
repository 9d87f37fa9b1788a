namespace NumaActors.Kernel.Knobs;

/// <summary>
/// The sysctl and debugfs knobs of one server class, with the kernel's defaults (kernel-model.md §1.2, §1.3).
/// Times are in milliseconds and sizes in MiB, as the kernel's own files take them.
/// </summary>
public sealed record NumaBalancingKnobs
{
    public NumaBalancingMode Mode { get; init; } = NumaBalancingMode.Disabled;
    public uint ScanDelayMs { get; init; } = 1000;
    public uint ScanPeriodMinMs { get; init; } = 1000;
    public uint ScanPeriodMaxMs { get; init; } = 60000;
    public uint ScanSizeMb { get; init; } = 256;
    public uint HotThresholdMs { get; init; } = 1000;
    public uint PromoteRateLimitMBps { get; init; } = 65536;

    public static NumaBalancingKnobs KernelDefaults { get; } = new();
}
