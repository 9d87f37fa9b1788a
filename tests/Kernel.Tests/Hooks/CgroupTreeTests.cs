using NumaActors.Kernel.Hooks;

namespace NumaActors.Kernel.Tests.Hooks;

public class CgroupTreeTests
{
    [Fact]
    public void Creating_a_deep_path_creates_its_ancestors_first_with_the_next_ids()
    {
        var tree = new CgroupTree();

        Assert.True(tree.GetOrCreate("/kubepods/burstable/redis-0", out var leaf).IsOk);

        // Root is 1; the three missing cgroups are created from the top: 2, 3, 4.
        Assert.True(tree.TryGetId("/kubepods", out var kubepods));
        Assert.True(tree.TryGetId("/kubepods/burstable", out var burstable));
        Assert.Equal([2UL, 3UL, 4UL], new[] { kubepods, burstable, leaf });
        Assert.Equal(burstable, tree.ParentOf(leaf));
        Assert.Equal(3, tree.DepthOf(leaf));
        Assert.Equal(4, tree.Count);
    }

    [Fact]
    public void The_same_creations_give_the_same_ids_and_an_existing_path_is_not_created_again()
    {
        static ulong[] Build()
        {
            var tree = new CgroupTree();
            var ids = new List<ulong>();
            foreach (var path in new[] { "/kubepods/burstable/redis-0", "/kubepods/besteffort/spark-0", "/kubepods/burstable/redis-1" })
            {
                tree.GetOrCreate(path, out var id);
                ids.Add(id);
            }
            tree.GetOrCreate("/kubepods/burstable/redis-0", out var again);
            ids.Add(again);
            ids.Add((ulong)tree.Count);
            return [.. ids];
        }

        // redis-0 = 4 (after /kubepods 2, burstable 3), besteffort 5, spark-0 6, redis-1 7;
        // asking for redis-0 again gives 4 and the tree keeps 7 cgroups.
        Assert.Equal([4UL, 6UL, 7UL, 4UL, 7UL], Build());
        Assert.Equal(Build(), Build());
    }

    [Fact]
    public void A_leaf_stops_being_a_leaf_when_a_child_is_created()
    {
        var tree = new CgroupTree();
        tree.GetOrCreate("/app", out var app);
        Assert.True(tree.IsLeaf(app));

        tree.GetOrCreate("/app/worker", out var worker);

        Assert.False(tree.IsLeaf(app));
        Assert.True(tree.IsLeaf(worker));
        Assert.Equal([worker], tree.ChildrenOf(app));
    }

    [Fact]
    public void Remove_refuses_a_cgroup_with_children_and_never_reuses_an_id()
    {
        var tree = new CgroupTree();
        tree.GetOrCreate("/a/b", out var b);
        tree.TryGetId("/a", out var a);

        var busy = tree.Remove(a);
        Assert.Equal(Errno.EBUSY, busy.Errno);
        Assert.True(tree.Exists(a));

        Assert.True(tree.Remove(b).IsOk);
        Assert.False(tree.Exists(b));
        Assert.False(tree.TryGetId("/a/b", out _));
        Assert.True(tree.IsLeaf(a));

        tree.GetOrCreate("/a/b", out var again);
        Assert.NotEqual(b, again);
        Assert.Equal(Errno.ENOENT, tree.Remove(b).Errno);
        Assert.Equal(Errno.EINVAL, tree.Remove(CgroupTree.RootId).Errno);
    }

    [Theory]
    [InlineData("kubepods/redis")]
    [InlineData("")]
    [InlineData("/a//b")]
    [InlineData("/a/../b")]
    [InlineData("/a/./b")]
    [InlineData("/a/has space")]
    public void A_malformed_path_is_refused_with_EINVAL_and_creates_nothing(string path)
    {
        var tree = new CgroupTree();

        var result = tree.GetOrCreate(path, out _);

        Assert.Equal(Errno.EINVAL, result.Errno);
        Assert.Contains("'", result.Message);
        Assert.Equal(1, tree.Count);
    }

    [Fact]
    public void A_trailing_slash_names_the_same_cgroup()
    {
        var tree = new CgroupTree();
        tree.GetOrCreate("/a/b/", out var withSlash);
        tree.GetOrCreate("/a/b", out var without);
        Assert.Equal(without, withSlash);
        Assert.Equal("/a/b", tree.PathOf(without));
    }
}
