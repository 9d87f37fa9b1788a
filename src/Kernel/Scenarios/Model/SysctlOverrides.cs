using NumaActors.Kernel.Knobs;

namespace NumaActors.Kernel.Scenarios;

/// <summary>
/// The <c>sysctl:</c> keys of a class, an arm or a timeline event; null means "leave as is".
/// Units are the kernel's (ms, MiB, MiB/s; kernel-model.md §1.2, §1.3).
/// </summary>
public sealed record SysctlOverrides(
    NumaBalancingMode? Mode = null,
    uint? ScanDelayMs = null,
    uint? ScanPeriodMinMs = null,
    uint? ScanPeriodMaxMs = null,
    uint? ScanSizeMb = null,
    uint? HotThresholdMs = null,
    uint? PromoteRateLimitMBps = null)
{
    public static SysctlOverrides None { get; } = new();

    public bool IsEmpty => this == None;

    public NumaBalancingKnobs ApplyTo(NumaBalancingKnobs knobs) => knobs with
    {
        Mode = Mode ?? knobs.Mode,
        ScanDelayMs = ScanDelayMs ?? knobs.ScanDelayMs,
        ScanPeriodMinMs = ScanPeriodMinMs ?? knobs.ScanPeriodMinMs,
        ScanPeriodMaxMs = ScanPeriodMaxMs ?? knobs.ScanPeriodMaxMs,
        ScanSizeMb = ScanSizeMb ?? knobs.ScanSizeMb,
        HotThresholdMs = HotThresholdMs ?? knobs.HotThresholdMs,
        PromoteRateLimitMBps = PromoteRateLimitMBps ?? knobs.PromoteRateLimitMBps,
    };
}
