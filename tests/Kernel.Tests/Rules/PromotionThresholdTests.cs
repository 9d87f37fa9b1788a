using NumaActors.Kernel.Rules;

namespace NumaActors.Kernel.Tests.Rules;

/// <summary>§5.3 numa_promotion_adjust_threshold: ±unit (2·def/16) per window, within [unit, 2·def].</summary>
public class PromotionThresholdTests
{
    [Fact]
    public void Too_many_candidates_tighten_by_one_unit_down_to_the_unit()
    {
        // def 1000 → unit 125. rl 256 pages/s × 60 s = 15,360; 20,000 > 1.1 × 15,360.
        Assert.Equal(875, PromotionThreshold.Adjust(0, 1000, 20_000, 256, 60_000));
        Assert.Equal(125, PromotionThreshold.Adjust(125, 1000, 20_000, 256, 60_000));
    }

    [Fact]
    public void Too_few_candidates_loosen_up_to_twice_the_default()
    {
        Assert.Equal(1125, PromotionThreshold.Adjust(0, 1000, 10, 256, 60_000));
        Assert.Equal(2000, PromotionThreshold.Adjust(2000, 1000, 10, 256, 60_000));
    }

    [Fact]
    public void Within_ten_percent_keeps_the_threshold() =>
        Assert.Equal(750, PromotionThreshold.Adjust(750, 1000, 15_360, 256, 60_000));
}
