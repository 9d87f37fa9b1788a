namespace NumaActors.Kernel.Rules;

/// <summary>Compile-time constants of the kernel (kernel-model.md §1.4).</summary>
public static class KernelConstants
{
    public const int PageSize = 4096;
    public const int PagesPerMb = 256;
    public const int HugePagePages = 512;
    public const int MaxScanWindowMbps = 2560;
    public const int NumaPeriodSlots = 10;
    public const int NumaPeriodThreshold = 7;
    public const int ActiveNodeFraction = 3;
    public const int SmallImp = 30;
    public const int NumaImbalanceMin = 2;
    public const int MigrationAdjustSteps = 16;
    public const int VirtualScanFactor = 8;
    public const int LocalDistance = 10;
    public const long LoadAvgMax = 47742;
    /// <summary>Scan cost push-back: node_stamp += 32 × scan runtime (§2.1).</summary>
    public const int ScanRuntimePushBack = 32;
    public const int NoNode = -1;
    /// <summary>Accessor buckets kept per region for the two-stage filter (§5.6).</summary>
    public const int CpupidBuckets = 8;
}
