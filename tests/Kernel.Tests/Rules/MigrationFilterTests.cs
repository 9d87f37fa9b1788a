using NumaActors.Kernel.Rules;

namespace NumaActors.Kernel.Tests.Rules;

/// <summary>§5.2 should_numa_migrate_memory, NORMAL path, rule by rule.</summary>
public class MigrationFilterTests
{
    private const int Me = 3, Other = 5, Dst = 0, Src = 1;

    [Fact]
    public void Early_life_migrates_first_touch_and_private_faults()
    {
        Assert.True(MigrationFilter.ShouldMigrate(Me, Dst, Src, Cpupid.Unset, preferredNode: -1, taskScanSeq: 9, group: null));
        Assert.True(MigrationFilter.ShouldMigrate(Me, Dst, Src, new Cpupid(Me, 1), preferredNode: 1, taskScanSeq: 4, group: null));
    }

    [Fact]
    public void Two_stage_filter_needs_the_previous_accessor_on_the_destination()
    {
        // Past early life (preferred set, seq 5): previous fault from node 1 ≠ destination 0.
        Assert.False(MigrationFilter.ShouldMigrate(Me, Dst, Src, new Cpupid(Me, 1), 0, 5, null));
        Assert.True(MigrationFilter.ShouldMigrate(Me, Dst, Src, new Cpupid(Me, 0), 0, 5, null));
    }

    [Fact]
    public void Shared_page_without_group_migrates_on_the_second_fault_from_the_node() =>
        Assert.True(MigrationFilter.ShouldMigrate(Me, Dst, Src, new Cpupid(Other, 0), 0, 5, null));

    [Fact]
    public void Group_rule_wants_the_destination_cpu_activity_to_win()
    {
        // cpu(dst) = 40 > 3 × cpu(src) = 30 → migrate.
        var busyDst = new GroupFaultView(mem: [10, 10], cpu: [40, 10]);
        Assert.True(MigrationFilter.ShouldMigrate(Me, Dst, Src, new Cpupid(Other, 0), 0, 5, busyDst));
        // 3/4 hysteresis: cpu(dst) × mem(src) × 3 = 20×10×3 = 600 > cpu(src) × mem(dst) × 4 = 20×10×4 = 800? no.
        var even = new GroupFaultView(mem: [10, 10], cpu: [20, 20]);
        Assert.False(MigrationFilter.ShouldMigrate(Me, Dst, Src, new Cpupid(Other, 0), 0, 5, even));
        // 30×20×3 = 1800 > 20×10×4 = 800 → migrate.
        var ratio = new GroupFaultView(mem: [10, 20], cpu: [30, 20]);
        Assert.True(MigrationFilter.ShouldMigrate(Me, Dst, Src, new Cpupid(Other, 0), 0, 5, ratio));
    }
}
