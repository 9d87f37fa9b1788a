namespace NumaActors.Policies.Bpf.Loading;

/// <summary>
/// One <c>struct bpf_numab_ops</c> registration of the object (README §2.3), members matched by
/// name against the simulator's type. Extension members are null when absent or zero (use the sysctl).
/// </summary>
public sealed record BpfStructOps(
    string Variable,
    string Section,
    bool Link,
    string? NumabHook,
    uint HotThresh,
    int CgroupId,
    uint? ScanSizeMb,
    uint? ScanPeriodMinMs,
    uint? ScanPeriodMaxMs,
    uint? ScanDelayMs);
