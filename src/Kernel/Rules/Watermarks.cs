namespace NumaActors.Kernel.Rules;

/// <summary>
/// Zone watermarks of one node, in pages (kernel-model.md §5.3): min from <c>min_free_kbytes</c>
/// (4·√(lowmem KiB), clamped to 128 KiB..256 MiB, shared by node size), then
/// delta = max(min/4, managed × 10/10000), low = min + delta, high = low + delta, promo = high + delta.
/// </summary>
public readonly record struct Watermarks(long Min, long Low, long High, long Promo)
{
    public static Watermarks For(long nodePages, long totalPages)
    {
        long totalKb = totalPages * 4;
        long minFreeKb = Math.Clamp((long)(4 * Math.Sqrt(totalKb)), 128, 262_144);
        long min = minFreeKb / 4 * nodePages / Math.Max(1, totalPages);
        long delta = Math.Max(min / 4, nodePages * 10 / 10_000);
        long low = min + delta, high = low + delta;
        return new Watermarks(min, low, high, high + delta);
    }
}
