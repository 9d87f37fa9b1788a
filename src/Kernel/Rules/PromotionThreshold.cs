namespace NumaActors.Kernel.Rules;

/// <summary><c>numa_promotion_adjust_threshold</c> arithmetic (kernel-model.md §5.3).</summary>
public static class PromotionThreshold
{
    /// <summary>
    /// One window's adjustment: more candidates than 1.1 × the rate limit allows over the window →
    /// stricter by one unit (2·def/16), fewer than 0.9 × → looser, within [unit, 2·def].
    /// </summary>
    public static long Adjust(long currentMs, long defaultMs, long candidatesInWindow, long rateLimitPagesPerSecond, long windowMs)
    {
        long refCand = rateLimitPagesPerSecond * windowMs / 1000;
        long unit = Math.Max(1, 2 * defaultMs / KernelConstants.MigrationAdjustSteps);
        long th = currentMs != 0 ? currentMs : defaultMs;
        if (candidatesInWindow > refCand * 11 / 10) return Math.Max(th - unit, unit);
        if (candidatesInWindow < refCand * 9 / 10) return Math.Min(th + unit, 2 * defaultMs);
        return th;
    }
}
