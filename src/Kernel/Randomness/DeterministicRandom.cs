namespace NumaActors.Kernel.Randomness;

/// <summary>
/// xoshiro256** seeded through SplitMix64 from (seed, server, entity, purpose), so every stream
/// is independent of iteration order and of which engine or member draws from it (DESIGN.md,
/// determinism). A mutable struct-like class owned by exactly one entity; never shared.
/// </summary>
public sealed class DeterministicRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public DeterministicRandom(ulong seed, ulong serverId, ulong entityId, RandomPurpose purpose)
    {
        ulong x = seed;
        x = Mix(x ^ SplitMix(ref x) ^ serverId * 0x9E3779B97F4A7C15UL);
        x = Mix(x ^ entityId * 0xC2B2AE3D27D4EB4FUL);
        x = Mix(x ^ (ulong)purpose * 0x165667B19E3779F9UL);
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
        if ((_s0 | _s1 | _s2 | _s3) == 0) _s0 = 1;
    }

    public ulong NextULong()
    {
        ulong result = RotL(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotL(_s3, 45);
        return result;
    }

    /// <summary>Advances the stream by <paramref name="count"/> draws, as that many calls would.</summary>
    public void Skip(int count)
    {
        for (int i = 0; i < count; i++) NextULong();
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, n).</summary>
    public int NextInt(int n) => n <= 1 ? 0 : (int)((NextULong() >> 33) % (ulong)n);

    /// <summary>
    /// One binomial draw B(n, p): exact inversion for small means, a rounded normal approximation
    /// for large ones (one draw per region, never one per page: DESIGN.md cost model).
    /// </summary>
    public int Binomial(int n, double p)
    {
        if (n <= 0 || p <= 0) return 0;
        if (p >= 1) return n;
        double mean = n * p;
        if (mean < 30 || n - mean < 30)
        {
            if (p > 0.5) return n - Binomial(n, 1 - p);
            // Inversion by sequential search on the pmf.
            double q = 1 - p, r = p / q, pmf = Math.Pow(q, n), u = NextDouble(), cdf = pmf;
            int k = 0;
            while (u > cdf && k < n)
            {
                pmf *= r * (n - k) / (k + 1);
                k++;
                cdf += pmf;
                if (pmf < 1e-300) break;
            }
            return k;
        }
        double sd = Math.Sqrt(mean * (1 - p));
        int x = (int)Math.Round(mean + sd * StandardNormal());
        return Math.Clamp(x, 0, n);
    }

    public double StandardNormal()
    {
        double u1 = 1.0 - NextDouble(), u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static ulong RotL(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        return Mix(x);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
