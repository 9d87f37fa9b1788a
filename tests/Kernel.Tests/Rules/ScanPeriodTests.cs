using NumaActors.Kernel.Rules;

namespace NumaActors.Kernel.Tests.Rules;

/// <summary>§6.1/§6.2 arithmetic, checked against kernel-model.md's worked examples.</summary>
public class ScanPeriodTests
{
    [Theory]
    // RSS pages, windows, min ms, max ms (defaults: 256 MB window, 1000/60000 ms).
    [InlineData(65_536L, 1L, 1000L, 60_000L)]          // ≤ 256 MiB
    [InlineData(262_144L, 4L, 250L, 15_000L)]          // 1 GiB
    [InlineData(4_194_304L, 64L, 100L, 937L)]          // 16 GiB: 1000/64 = 15 → floor 100; 60000/64 = 937
    [InlineData(16_777_216L, 256L, 100L, 234L)]        // 64 GiB
    [InlineData(67_108_864L, 1024L, 100L, 100L)]       // 256 GiB: max 58 clamps to min 100
    public void Bounds_follow_the_worked_examples(long rss, long windows, long min, long max)
    {
        Assert.Equal(windows, ScanPeriod.Windows(rss, 256));
        Assert.Equal(min, ScanPeriod.Min(rss, 256, 1000));
        Assert.Equal(max, ScanPeriod.Max(rss, 256, 1000, 60_000, null));
    }

    [Fact]
    public void Floor_is_1000_over_max_scan_window_per_scan_size() =>
        Assert.Equal(100, ScanPeriod.Floor(256));   // 1000 / (2560 / 256)

    [Fact]
    public void Group_scales_the_start_by_refcount_and_shared_share()
    {
        // 4 tasks, shared 300, private 100: 1000 × 4 × 301 / 401 = 3002.
        Assert.Equal(3002, ScanPeriod.Start(65_536, 256, 1000, new NumaGroupShape(4, 300, 100)));
    }

    [Fact]
    public void Mostly_private_faults_slow_down_by_ps_minus_7_slots()
    {
        // period 1000 → slot 100; private 90, shared 10: ps = 9 → +2 slots.
        long p = ScanPeriod.Update(1000, 100, 60_000, remote: 50, local: 50, failed: 0, shared: 10, priv: 90, out bool clear, out _);
        Assert.Equal(1200, p);
        Assert.True(clear);
    }

    [Fact]
    public void Mostly_local_shared_faults_slow_down_by_lr_minus_7_slots()
    {
        // lr = 80×10/100 = 8, ps = 0 → +1 slot.
        Assert.Equal(1100, ScanPeriod.Update(1000, 100, 60_000, 20, 80, 0, 100, 0, out _, out _));
    }

    [Fact]
    public void Remote_shared_faults_speed_up_toward_the_minimum()
    {
        // lr = 2, ps = 3 → −(7 − 3) × 100 = −400; repeated, it clamps at the minimum.
        long p = ScanPeriod.Update(1000, 100, 60_000, 80, 20, 0, 70, 30, out _, out _);
        Assert.Equal(600, p);
        for (int i = 0; i < 10; i++) p = ScanPeriod.Update(p, 100, 60_000, 80, 20, 0, 70, 30, out _, out _);
        Assert.Equal(100, p);
    }

    [Fact]
    public void Failed_migrations_double_the_period_and_delay_the_mm()
    {
        long p = ScanPeriod.Update(1000, 100, 60_000, 10, 10, failed: 1, 5, 5, out bool clear, out bool delay);
        Assert.Equal(2000, p);
        Assert.False(clear);
        Assert.True(delay);
        Assert.Equal(60_000, ScanPeriod.Update(40_000, 100, 60_000, 0, 0, 0, 0, 0, out _, out _));
    }
}
