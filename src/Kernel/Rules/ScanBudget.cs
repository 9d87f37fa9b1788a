namespace NumaActors.Kernel.Rules;

/// <summary>
/// The per-pass scan budget of <c>task_numa_work</c> (kernel-model.md §2.2): <c>pages</c> =
/// scan_size × 256, <c>virtpages</c> = 8 × pages; a chunk that changed at least one entry is
/// charged its whole virtual span.
/// </summary>
public struct ScanBudget
{
    public ScanBudget(uint scanSizeMb)
    {
        Pages = (long)scanSizeMb * KernelConstants.PagesPerMb;
        VirtPages = Pages * KernelConstants.VirtualScanFactor;
    }

    public long Pages { get; private set; }
    public long VirtPages { get; private set; }
    public readonly bool Exhausted => Pages <= 0 || VirtPages <= 0;

    /// <summary>Charge one chunk of <paramref name="spanPages"/> virtual pages that changed <paramref name="changed"/> entries.</summary>
    public void Charge(long spanPages, long changed)
    {
        if (changed > 0) Pages -= spanPages;
        VirtPages -= spanPages;
    }
}
