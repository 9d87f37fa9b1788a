using NumaActors.Kernel.Hooks;

namespace NumaActors.Kernel.Tests.Hooks;

/// <summary>
/// The three resolution modes (kernel-model.md §9.2; field-notes §1.3–§1.6) on one 3-level tree:
/// <code>
/// /a            program "top"  (attached hierarchical)
/// ├── /a/b      program "mid"  (attached hierarchical)
/// │   ├── /a/b/c  program "leaf"
/// │   └── /a/b/d  (none)
/// └── /a/e      (none)
/// </code>
/// </summary>
public class HookResolutionTests
{
    // Expected program for a task whose memcg is the row's cgroup ("-" = none):
    // | cgroup  | Leaf | Nearest | Topmost |   why
    // | /       |  -   |   -     |   -     |   nothing at or above the root
    // | /a      | top  |  top    |  top    |   own program in every mode
    // | /a/b    | mid  |  mid    |  top    |   topmost: /a overrides /a/b
    // | /a/b/c  | leaf |  leaf   |  top    |   nearest: own program; topmost: /a
    // | /a/b/d  |  -   |  mid    |  top    |   leaf: only its own memcg, which has none
    // | /a/e    |  -   |  top    |  top    |   nearest ancestor with a program is /a
    public static TheoryData<HookResolution, string, string> Table => new()
    {
        { HookResolution.Leaf, "/", "-" },
        { HookResolution.Leaf, "/a", "top" },
        { HookResolution.Leaf, "/a/b", "mid" },
        { HookResolution.Leaf, "/a/b/c", "leaf" },
        { HookResolution.Leaf, "/a/b/d", "-" },
        { HookResolution.Leaf, "/a/e", "-" },
        { HookResolution.Nearest, "/", "-" },
        { HookResolution.Nearest, "/a", "top" },
        { HookResolution.Nearest, "/a/b", "mid" },
        { HookResolution.Nearest, "/a/b/c", "leaf" },
        { HookResolution.Nearest, "/a/b/d", "mid" },
        { HookResolution.Nearest, "/a/e", "top" },
        { HookResolution.Topmost, "/", "-" },
        { HookResolution.Topmost, "/a", "top" },
        { HookResolution.Topmost, "/a/b", "top" },
        { HookResolution.Topmost, "/a/b/c", "top" },
        { HookResolution.Topmost, "/a/b/d", "top" },
        { HookResolution.Topmost, "/a/e", "top" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_mode_gives_its_documented_program(HookResolution mode, string cgroup, string expected)
    {
        var (tree, registry) = ThreeLevels(mode);
        Assert.True(tree.TryGetId(cgroup, out var id));

        var program = registry.Resolve(id);

        Assert.Equal(expected, program?.Name ?? "-");
        Assert.Equal(expected == "-" ? 0UL : Holder(tree, expected), registry.ResolveHolder(id));
    }

    // Memcgs read per lookup. Depths: / 0, /a 1, /a/b 2, /a/b/c and /a/b/d 3, /a/e 2.
    // Leaf reads one memcg; Topmost walks to the root (depth + 1); Nearest stops at the holder
    // (depth - holder depth + 1), or walks to the root when there is none.
    [Theory]
    [InlineData(HookResolution.Leaf, "/a/b/d", 1)]
    [InlineData(HookResolution.Nearest, "/a/b/c", 1)]   // own program
    [InlineData(HookResolution.Nearest, "/a/b/d", 2)]   // d, b
    [InlineData(HookResolution.Nearest, "/a/e", 2)]     // e, a
    [InlineData(HookResolution.Nearest, "/", 1)]        // the root, nothing found
    [InlineData(HookResolution.Topmost, "/a/b/c", 4)]   // c, b, a, root
    [InlineData(HookResolution.Topmost, "/a", 2)]       // a, root
    public void Lookup_steps_count_the_memcgs_the_walk_reads(HookResolution mode, string cgroup, int expected)
    {
        var (tree, registry) = ThreeLevels(mode);
        tree.TryGetId(cgroup, out var id);
        Assert.Equal(expected, registry.LookupSteps(id));
    }

    // A cgroup created under an attached leaf: the leaf turns inner. Leaf mode gives the child
    // nothing (field-notes §1.6, "the user has to attach the bpf prog to the new cgroup as well");
    // both hierarchical modes give it the former leaf's program.
    [Theory]
    [InlineData(HookResolution.Leaf, "-")]
    [InlineData(HookResolution.Nearest, "app")]
    [InlineData(HookResolution.Topmost, "app")]
    public void A_child_created_under_an_attached_leaf(HookResolution mode, string expected)
    {
        var tree = new CgroupTree();
        var registry = new HookRegistry(tree, mode);
        tree.GetOrCreate("/pod/app", out var app);
        registry.Attach(app, new TestProgram("app"));

        tree.GetOrCreate("/pod/app/sidecar", out var child);

        Assert.Equal(expected, registry.Resolve(child)?.Name ?? "-");
        Assert.Equal("app", registry.Resolve(app)?.Name);
    }

    [Fact]
    public void Many_cgroups_created_after_an_attach_all_resolve_to_it_in_nearest_mode()
    {
        var tree = new CgroupTree();
        var registry = new HookRegistry(tree, HookResolution.Nearest);
        tree.GetOrCreate("/kubepods", out var kubepods);
        registry.Attach(kubepods, new TestProgram("pods"), HookAttachOptions.HierarchicalLink);

        // Enough creations to outgrow any spare room the registry keeps for new ids.
        var pods = new List<ulong>();
        for (var i = 0; i < 200; i++)
        {
            tree.GetOrCreate($"/kubepods/burstable/pod-{i}", out var pod);
            pods.Add(pod);
        }

        Assert.All(pods, pod => Assert.Equal("pods", registry.Resolve(pod)?.Name));
        Assert.Null(registry.Resolve(CgroupTree.RootId));
    }

    [Fact]
    public void Detaching_the_top_program_lets_the_next_one_down_decide_in_topmost_mode()
    {
        var (tree, registry) = ThreeLevels(HookResolution.Topmost);
        tree.TryGetId("/a", out var a);
        tree.TryGetId("/a/b/d", out var d);
        tree.TryGetId("/a/e", out var e);

        registry.Detach(a);

        Assert.Equal("mid", registry.Resolve(d)?.Name);
        Assert.Null(registry.Resolve(e));
    }

    private static ulong Holder(CgroupTree tree, string program)
    {
        var path = program switch { "top" => "/a", "mid" => "/a/b", _ => "/a/b/c" };
        tree.TryGetId(path, out var id);
        return id;
    }

    private static (CgroupTree, HookRegistry) ThreeLevels(HookResolution mode)
    {
        var tree = new CgroupTree();
        var registry = new HookRegistry(tree, mode);
        foreach (var path in new[] { "/a/b/c", "/a/b/d", "/a/e" }) tree.GetOrCreate(path, out _);
        tree.TryGetId("/a", out var a);
        tree.TryGetId("/a/b", out var b);
        tree.TryGetId("/a/b/c", out var c);
        Assert.True(registry.Attach(a, new TestProgram("top"), HookAttachOptions.HierarchicalLink).IsOk);
        Assert.True(registry.Attach(b, new TestProgram("mid"), HookAttachOptions.HierarchicalLink).IsOk);
        Assert.True(registry.Attach(c, new TestProgram("leaf")).IsOk);
        return (tree, registry);
    }
}
