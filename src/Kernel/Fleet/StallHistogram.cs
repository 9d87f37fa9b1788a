namespace NumaActors.Kernel.Fleet;

/// <summary>
/// Stall samples (ms per task per 100 ms window) in log-spaced buckets, 5% wide, so that
/// percentiles merge exactly in any order (counts add) and memory does not grow with the fleet.
/// A percentile is reported as its bucket's upper bound: at most 5% above the true sample.
/// </summary>
public sealed class StallHistogram
{
    private const double Smallest = 0.001; // ms: 1 µs; smaller non-zero stalls count as 1 µs
    private const double Growth = 1.05;
    private const int Buckets = 300; // 0.001 × 1.05^299 ≈ 2.2e3 ms, past any 100 ms window
    private readonly long[] counts = new long[Buckets + 1];

    public long Count { get; private set; }
    public double Max { get; private set; }

    public void Add(double stallMs)
    {
        counts[Bucket(stallMs)]++;
        Count++;
        if (stallMs > Max) Max = stallMs;
    }

    public void Add(StallHistogram other)
    {
        for (var i = 0; i < counts.Length; i++) counts[i] += other.counts[i];
        Count += other.Count;
        if (other.Max > Max) Max = other.Max;
    }

    /// <summary>The q-quantile (0..1) as a bucket upper bound, capped at the exact maximum.</summary>
    public double Quantile(double q)
    {
        if (Count == 0) return 0;
        var rank = (long)Math.Ceiling(q * Count);
        long seen = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            seen += counts[i];
            if (seen >= rank) return Math.Min(UpperBound(i), Max);
        }
        return Max;
    }

    /// <summary>Count per bucket (bucket 0: zero stalls); what a wire format carries.</summary>
    public ReadOnlySpan<long> BucketCounts => counts;

    /// <summary>Restores a histogram from <see cref="BucketCounts"/>, <see cref="Count"/> and <see cref="Max"/>.</summary>
    public void Load(ReadOnlySpan<long> raw, long count, double max)
    {
        raw[..Math.Min(raw.Length, counts.Length)].CopyTo(counts);
        Count = count;
        Max = max;
    }

    private static int Bucket(double ms)
    {
        if (ms <= 0) return 0;
        if (ms <= Smallest) return 1;
        var b = 1 + (int)Math.Ceiling(Math.Log(ms / Smallest) / Math.Log(Growth));
        return Math.Min(b, Buckets);
    }

    private static double UpperBound(int bucket) => bucket == 0 ? 0 : Smallest * Math.Pow(Growth, bucket - 1);
}
