namespace NumaActors.Kernel.Rules;

/// <summary>Scan-period bounds and adaptation (kernel-model.md §6), integer arithmetic as in the kernel.</summary>
public static class ScanPeriod
{
    /// <summary><c>task_nr_scan_windows</c>: ceil(max(RSS, one window) / scan window), in pages.</summary>
    public static long Windows(long rssPages, uint scanSizeMb)
    {
        long window = (long)scanSizeMb * KernelConstants.PagesPerMb;
        if (window <= 0) return 1;
        long rss = Math.Max(rssPages, window);
        return (rss + window - 1) / window;
    }

    /// <summary>Floor from MAX_SCAN_WINDOW: 1000 / (2560 / scan_size) = 100 ms at 256 MB.</summary>
    public static long Floor(uint scanSizeMb)
    {
        long perSecond = KernelConstants.MaxScanWindowMbps / Math.Max(1u, scanSizeMb);
        return 1000 / Math.Max(1, perSecond);
    }

    /// <summary><c>task_scan_min</c>.</summary>
    public static long Min(long rssPages, uint scanSizeMb, uint periodMinMs) =>
        Math.Max(Floor(scanSizeMb), periodMinMs / Windows(rssPages, scanSizeMb));

    /// <summary>Group scaling: × refcount × (shared + 1) / (private + shared + 1).</summary>
    public static long GroupScaled(long period, NumaGroupShape? group)
    {
        if (group is not { } g) return period;
        long scaled = period * g.Tasks * (g.SharedFaults + 1) / (g.PrivateFaults + g.SharedFaults + 1);
        return Math.Max(period, scaled);
    }

    /// <summary><c>task_scan_max</c>.</summary>
    public static long Max(long rssPages, uint scanSizeMb, uint periodMinMs, uint periodMaxMs, NumaGroupShape? group)
    {
        long smin = Min(rssPages, scanSizeMb, periodMinMs);
        long smax = GroupScaled(periodMaxMs / Windows(rssPages, scanSizeMb), group);
        return Math.Max(smin, smax);
    }

    /// <summary><c>task_scan_start</c>.</summary>
    public static long Start(long rssPages, uint scanSizeMb, uint periodMinMs, NumaGroupShape? group) =>
        GroupScaled(Min(rssPages, scanSizeMb, periodMinMs), group);

    /// <summary>
    /// <c>update_task_scan_period</c> (§6.1). Returns the new period and whether the locality
    /// counters are to be cleared; <paramref name="delayMm"/> says the mm's next scan is pushed
    /// to now + period (the "nothing useful / migrations failing" branch).
    /// </summary>
    public static long Update(long period, long minPeriod, long maxPeriod, long remote, long local, long failed,
        long shared, long priv, out bool clearLocality, out bool delayMm)
    {
        if (local + shared == 0 || failed != 0)
        {
            clearLocality = false;
            delayMm = true;
            return Math.Min(maxPeriod, 2 * period);
        }
        clearLocality = true;
        delayMm = false;
        long slot = (period + KernelConstants.NumaPeriodSlots - 1) / KernelConstants.NumaPeriodSlots;
        long lr = local + remote == 0 ? 0 : local * KernelConstants.NumaPeriodSlots / (local + remote);
        long ps = priv + shared == 0 ? 0 : priv * KernelConstants.NumaPeriodSlots / (priv + shared);
        const int th = KernelConstants.NumaPeriodThreshold;
        long diff;
        if (ps >= th) diff = Math.Max(ps - th, 1) * slot;
        else if (lr >= th) diff = Math.Max(lr - th, 1) * slot;
        else diff = -(th - Math.Max(lr, ps)) * slot;
        return Math.Clamp(period + diff, minPeriod, Math.Max(minPeriod, maxPeriod));
    }
}
