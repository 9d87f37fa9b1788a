using NumaActors.Kernel.Hooks;

namespace NumaActors.Kernel.Tests.Hooks;

/// <summary>The proposal's registration rules (kernel-model.md §9.2) as the registry reproduces them.</summary>
public class HookRegistryLifecycleTests
{
    private readonly CgroupTree tree = new();
    private readonly HookRegistry registry;
    private readonly ulong redis;
    private readonly ulong spark;

    public HookRegistryLifecycleTests()
    {
        registry = new HookRegistry(tree);
        tree.GetOrCreate("/kubepods/burstable/redis-0", out redis);
        tree.GetOrCreate("/kubepods/besteffort/spark-0", out spark);
    }

    [Fact]
    public void Attach_publishes_the_program_and_counts_it_in_the_static_key()
    {
        var p = new TestProgram("p");

        Assert.True(registry.Attach(redis, p).IsOk);

        Assert.Same(p, registry.ProgramOf(redis));
        Assert.Same(p, registry.Resolve(redis));
        Assert.Null(registry.Resolve(spark));
        Assert.Equal(1, registry.AttachedCount);
        Assert.Equal([redis], registry.CgroupsWithProgram);
    }

    [Fact]
    public void A_second_attach_on_the_same_cgroup_is_EBUSY_and_changes_nothing()
    {
        var first = new TestProgram("first");
        var second = new TestProgram("second");
        registry.Attach(redis, first);

        var result = registry.Attach(redis, second);

        Assert.Equal(Errno.EBUSY, result.Errno);
        Assert.Contains("first", result.Message);
        Assert.Contains("update", result.Message);
        Assert.Same(first, registry.ProgramOf(redis));
        Assert.Same(first, registry.Resolve(redis));
        Assert.Equal(1, registry.AttachedCount);
    }

    [Fact]
    public void Update_swaps_the_program_in_one_step_without_touching_the_static_key()
    {
        var before = new TestProgram("before");
        var after = new TestProgram("after");
        registry.Attach(redis, before);

        Assert.True(registry.Update(redis, after).IsOk);

        Assert.Same(after, registry.ProgramOf(redis));
        Assert.Same(after, registry.Resolve(redis));
        Assert.Equal(1, registry.AttachedCount);
        Assert.True(registry.Detach(redis).IsOk);
        Assert.Equal(0, registry.AttachedCount);
    }

    [Fact]
    public void Update_installs_a_program_even_where_none_was_attached_as_the_RFC_does_but_leaves_the_key_count_alone()
    {
        var p = new TestProgram("p");

        Assert.True(registry.Update(spark, p).IsOk);

        Assert.Same(p, registry.ProgramOf(spark));
        Assert.Equal(0, registry.AttachedCount);
        // Detaching it clears the pointer and cannot drive the count below zero.
        Assert.True(registry.Detach(spark).IsOk);
        Assert.Null(registry.ProgramOf(spark));
        Assert.Equal(0, registry.AttachedCount);
    }

    [Fact]
    public void Detach_clears_the_program_and_a_second_detach_is_ENOENT()
    {
        registry.Attach(redis, new TestProgram("p"));

        Assert.True(registry.Detach(redis).IsOk);

        Assert.Null(registry.ProgramOf(redis));
        Assert.Null(registry.Resolve(redis));
        Assert.Equal(0, registry.AttachedCount);
        Assert.Equal(Errno.ENOENT, registry.Detach(redis).Errno);
        // After detach the cgroup may be attached again.
        Assert.True(registry.Attach(redis, new TestProgram("q")).IsOk);
    }

    [Fact]
    public void An_unknown_cgroup_is_ENOENT_for_attach_update_and_detach()
    {
        const ulong unknown = 999;
        Assert.Equal(Errno.ENOENT, registry.Attach(unknown, new TestProgram("p")).Errno);
        Assert.Equal(Errno.ENOENT, registry.Update(unknown, new TestProgram("p")).Errno);
        Assert.Equal(Errno.ENOENT, registry.Detach(unknown).Errno);
        Assert.Equal(0, registry.AttachedCount);
    }

    [Fact]
    public void The_lifecycle_also_works_by_path_and_an_unknown_path_is_ENOENT_naming_it()
    {
        var p = new TestProgram("p");
        Assert.True(registry.Attach("/kubepods/burstable/redis-0", p).IsOk);
        Assert.Same(p, registry.ProgramOf(redis));
        Assert.True(registry.Update("/kubepods/burstable/redis-0", new TestProgram("q")).IsOk);
        Assert.True(registry.Detach("/kubepods/burstable/redis-0").IsOk);

        var missing = registry.Attach("/kubepods/burstable/redis-9", p);
        Assert.Equal(Errno.ENOENT, missing.Errno);
        Assert.Contains("/kubepods/burstable/redis-9", missing.Message);
    }

    [Fact]
    public void Attach_without_a_link_is_EOPNOTSUPP_and_changes_nothing()
    {
        var result = registry.Attach(redis, new TestProgram("p"), new HookAttachOptions { ViaLink = false });

        Assert.Equal(Errno.EOPNOTSUPP, result.Errno);
        Assert.Contains("link", result.Message);
        Assert.Null(registry.ProgramOf(redis));
        Assert.Equal(0, registry.AttachedCount);
    }

    [Fact]
    public void A_program_without_numab_hook_or_with_a_sleepable_one_is_EINVAL()
    {
        var noHook = registry.Attach(redis, new TestProgram("nohook") { HasNumabHook = false });
        var sleepable = registry.Attach(redis, new TestProgram("sleepy") { IsSleepable = true });
        var missing = registry.Attach(redis, null);
        var updateNoHook = registry.Update(redis, new TestProgram("nohook") { HasNumabHook = false });

        Assert.Equal(Errno.EINVAL, noHook.Errno);
        Assert.Contains("numab_hook", noHook.Message);
        Assert.Equal(Errno.EINVAL, sleepable.Errno);
        Assert.Contains("sleepable", sleepable.Message);
        Assert.Equal(Errno.EINVAL, missing.Errno);
        Assert.Equal(Errno.EINVAL, updateNoHook.Errno);
        Assert.Null(registry.ProgramOf(redis));
        Assert.Equal(0, registry.AttachedCount);
    }

    [Fact]
    public void An_inner_cgroup_is_refused_unless_the_attach_says_hierarchical()
    {
        tree.TryGetId("/kubepods", out var kubepods);

        var refused = registry.Attach(kubepods, new TestProgram("p"));

        Assert.Equal(Errno.EINVAL, refused.Errno);
        Assert.Contains("/kubepods", refused.Message);
        Assert.Contains("leaf", refused.Message);
        Assert.Contains("hierarchical", refused.Message);
        Assert.Equal(0, registry.AttachedCount);
        Assert.Equal(Errno.EINVAL, registry.Update(kubepods, new TestProgram("p")).Errno);

        Assert.True(registry.Attach(kubepods, new TestProgram("p"), HookAttachOptions.HierarchicalLink).IsOk);
        Assert.Equal(1, registry.AttachedCount);
    }

    [Fact]
    public void Several_cgroups_each_count_in_the_static_key()
    {
        registry.Attach(redis, new TestProgram("a"));
        registry.Attach(spark, new TestProgram("b"));
        Assert.Equal(2, registry.AttachedCount);

        registry.Detach(redis);
        Assert.Equal(1, registry.AttachedCount);
    }

    [Fact]
    public void Removing_a_cgroup_takes_its_program_with_it()
    {
        registry.Attach(redis, new TestProgram("p"));

        Assert.True(tree.Remove(redis).IsOk);

        Assert.Equal(0, registry.AttachedCount);
        Assert.Null(registry.Resolve(redis));
        Assert.Empty(registry.CgroupsWithProgram);
    }
}
