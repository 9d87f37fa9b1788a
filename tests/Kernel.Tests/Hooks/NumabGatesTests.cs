using NumaActors.Kernel.Hooks;
using NumaActors.Kernel.Knobs;

namespace NumaActors.Kernel.Tests.Hooks;

/// <summary>The helpers of kernel-model.md §9.2/§9.3 as <see cref="NumabGates"/> implements them.</summary>
public class NumabGatesTests
{
    private readonly NumabGates gates = NumabGates.Create(NumaBalancingKnobs.KernelDefaults);
    private readonly ulong a;
    private readonly ulong b;

    public NumabGatesTests()
    {
        gates.Registry.Tree.GetOrCreate("/kubepods/a", out a);
        gates.Registry.Tree.GetOrCreate("/kubepods/b", out b);
    }

    private static HookTaskContext Task(ulong cgroup, int pid = 100) =>
        new(pid, pid, cgroup, Node: 0, PreferredNode: -1, NowNs: 0, 0, 0, 0, ResidentPages: 1024);

    [Fact]
    public void Global_off_and_no_program_anywhere_means_no_task_balances()
    {
        Assert.False(gates.TaskNumabEnabled(Task(a)));
        Assert.False(gates.TaskNumabEnabled(Task(b)));
        Assert.False(gates.ModeNormal);
        Assert.False(gates.ModeTiering);
    }

    [Fact]
    public void Global_off_with_a_program_on_one_cgroup_enables_only_that_cgroup()
    {
        gates.Registry.Attach(a, new TestProgram("on", answer: true));

        Assert.True(gates.TaskNumabEnabled(Task(a)));
        Assert.False(gates.TaskNumabEnabled(Task(b)));
        Assert.True(gates.ModeNormal);   // any program attached forces normal mode for everyone
        Assert.False(gates.ModeTiering); // BPF cannot turn tiering on
    }

    [Fact]
    public void The_hook_answer_decides_per_call_with_global_off()
    {
        var off = new TestProgram("off", answer: false);
        gates.Registry.Attach(a, off);

        Assert.False(gates.TaskNumabEnabled(Task(a)));
        Assert.Equal(1, off.Calls);
    }

    [Theory]
    [InlineData(NumaBalancingMode.Normal)]
    [InlineData(NumaBalancingMode.MemoryTiering)]
    [InlineData(NumaBalancingMode.NormalAndTiering)]
    public void Any_global_mode_enables_every_task_and_never_consults_the_hook(NumaBalancingMode mode)
    {
        var off = new TestProgram("off", answer: false);
        gates.Registry.Attach(a, off);
        gates.SetMode(mode);

        for (var i = 0; i < 10; i++)
        {
            Assert.True(gates.TaskNumabEnabled(Task(a, pid: i)));
            Assert.True(gates.TaskNumabEnabled(Task(b, pid: i)));
        }
        Assert.Equal(0, off.Calls);
    }

    [Fact]
    public void Tiering_only_mode_plus_any_program_turns_normal_mode_on_for_everyone()
    {
        gates.SetMode(NumaBalancingMode.MemoryTiering);
        Assert.False(gates.ModeNormal);
        Assert.True(gates.ModeTiering);

        gates.Registry.Attach(b, new TestProgram("never", answer: false));

        Assert.True(gates.ModeNormal);
        Assert.True(gates.ModeTiering);
    }

    [Fact]
    public void Detach_stops_the_cgroup_balancing_when_the_global_mode_is_off()
    {
        gates.Registry.Attach(a, new TestProgram("on"));
        gates.Registry.Detach(a);

        Assert.False(gates.TaskNumabEnabled(Task(a)));
        Assert.False(gates.ModeNormal);
    }

    [Fact]
    public void A_program_installed_by_update_alone_is_invisible_while_the_static_key_is_off()
    {
        // The RFC's update replaces the pointer without static_branch_inc, so with no attach
        // anywhere task_numab_enabled() returns at the key test and hot_thresh is not read.
        gates.Registry.Update(a, new TestProgram("on", answer: true, hotThresholdMs: 200));

        Assert.False(gates.TaskNumabEnabled(Task(a)));
        Assert.Equal(1000u, gates.HotThresholdMs(a));
        Assert.False(gates.ModeNormal);
    }

    [Fact]
    public void Hot_threshold_is_the_sysctl_unless_the_resolved_program_sets_a_non_zero_one()
    {
        gates.SetKnobs(NumaBalancingKnobs.KernelDefaults with { HotThresholdMs = 1500 });
        gates.Registry.Tree.GetOrCreate("/kubepods/c", out var c);
        gates.Registry.Attach(a, new TestProgram("a", hotThresholdMs: 300));
        gates.Registry.Attach(b, new TestProgram("b", hotThresholdMs: 0));

        Assert.Equal(300u, gates.HotThresholdMs(a));   // the program's hot_thresh
        Assert.Equal(1500u, gates.HotThresholdMs(b));  // hot_thresh 0 = use the sysctl
        Assert.Equal(1500u, gates.HotThresholdMs(c));  // no program for c
    }

    // /pod holds "outer" (off, 700 ms), /pod/app holds "inner" (on, 300 ms); a task sits in /pod/app/worker.
    // Leaf: the worker's own memcg has no program -> off, sysctl 1000 ms.
    // Nearest: /pod/app decides -> on, 300 ms. Topmost: /pod overrides -> off, 700 ms.
    [Theory]
    [InlineData(HookResolution.Leaf, false, 1000u)]
    [InlineData(HookResolution.Nearest, true, 300u)]
    [InlineData(HookResolution.Topmost, false, 700u)]
    public void The_gates_follow_the_resolution_mode(HookResolution mode, bool enabled, uint hotThresholdMs)
    {
        var g = NumabGates.Create(NumaBalancingKnobs.KernelDefaults, mode);
        var tree = g.Registry.Tree;
        tree.GetOrCreate("/pod/app/worker", out var worker);
        g.Registry.Attach("/pod", new TestProgram("outer", answer: false, hotThresholdMs: 700), HookAttachOptions.HierarchicalLink);
        g.Registry.Attach("/pod/app", new TestProgram("inner", answer: true, hotThresholdMs: 300), HookAttachOptions.HierarchicalLink);

        Assert.Equal(enabled, g.TaskNumabEnabled(Task(worker)));
        Assert.Equal(hotThresholdMs, g.HotThresholdMs(worker));
    }

    [Fact]
    public void Scan_overrides_fall_back_to_the_sysctl_member_by_member()
    {
        var program = new OverridingProgram(new NumabOverrides { ScanSizeMb = 512, ScanDelayMs = 0 });
        gates.Registry.Attach(a, program);

        Assert.Equal(512u, gates.ScanSizeMb(a));
        Assert.Equal(0u, gates.ScanDelayMs(a));
        Assert.Equal(1000u, gates.ScanPeriodMinMs(a));  // not overridden: debugfs default
        Assert.Equal(60000u, gates.ScanPeriodMaxMs(a));
        Assert.Equal(256u, gates.ScanSizeMb(b));
        Assert.Same(NumabOverrides.None, gates.Overrides(b));
    }

    [Fact]
    public void Sysctl_events_change_the_gates_at_run_time_and_report_when_tiering_turns_on()
    {
        Assert.False(gates.TaskNumabEnabled(Task(b)));

        Assert.False(gates.SetMode(NumaBalancingMode.Normal));
        Assert.True(gates.TaskNumabEnabled(Task(b)));

        Assert.True(gates.SetMode(NumaBalancingMode.NormalAndTiering));   // tiering bit 0 -> 1
        Assert.False(gates.SetMode(NumaBalancingMode.MemoryTiering));     // already set
        Assert.False(gates.SetMode(NumaBalancingMode.Disabled));
        Assert.False(gates.TaskNumabEnabled(Task(b)));
        Assert.Throws<ArgumentOutOfRangeException>(() => gates.SetMode((NumaBalancingMode)4));
    }

    [Fact]
    public void The_gates_allocate_nothing_per_call()
    {
        gates.Registry.Attach(a, new TestProgram("on", hotThresholdMs: 300));
        var ta = Task(a);
        var tb = Task(b);
        var sink = 0L;
        Exercise();   // JIT and first-touch outside the measured loop

        var before = GC.GetAllocatedBytesForCurrentThread();
        Exercise();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.NotEqual(0, sink);

        void Exercise()
        {
            for (var i = 0; i < 100_000; i++)
            {
                if (gates.TaskNumabEnabled(ta)) sink++;
                if (gates.TaskNumabEnabled(tb)) sink++;
                if (gates.ModeNormal) sink++;
                sink += gates.HotThresholdMs(a) + gates.HotThresholdMs(b) + gates.ScanSizeMb(a);
            }
        }
    }

    private sealed class OverridingProgram(NumabOverrides overrides) : IHookProgram
    {
        public string Name => "overriding";
        public bool NumabHook(in HookTaskContext task) => true;
        public NumabOverrides Overrides { get; } = overrides;
        public void OnStatsWindow(in CgroupWindowStats stats) { }
    }
}
