using NumaActors.Kernel.Hooks;
using NumaActors.Policies.Bpf.Hooks;
using NumaActors.Policies.Bpf.Vm;

namespace NumaActors.Policies.Tests.Bpf;

/// <summary>Helpers, array maps and map errors through Fixtures/bpf/src/helpers.bpf.c (README §2.6).</summary>
public class HelperTests
{
    private static readonly HookTaskContext Task = new(4243, 4200, 77, 3, 1, 2_000_000_000, 0, 0, 0, 0);

    private static (BpfHookProgram Program, List<string> Trace) Create(ulong seed)
    {
        var r = BpfPolicyLoader.Load(Fixture.Bytes("helpers.o"));
        Assert.True(r.Succeeded, string.Join("; ", r.Errors));
        var trace = new List<string>();
        return (new BpfHookProgram(r.Policy!, new BpfHostServices(seed, trace.Add)), trace);
    }

    private static ulong Out(BpfHookProgram p, int i)
    {
        var bss = p.Instance.Object.Globals.Select((g, k) => (g, k)).Single(x => x.g.Name == ".bss").k;
        return BitConverter.ToUInt64(p.Instance.Globals[bss], i * 8);
    }

    [Fact]
    public void Task_helpers_return_the_hooked_tasks_figures_and_the_simulation_clock()
    {
        var (p, _) = Create(1);
        Assert.True(p.NumabHook(Task));               // pid 4243 is odd
        Assert.Equal(3UL, Out(p, 1));                 // bpf_get_numa_node_id: the task's node
        Assert.Equal((4200UL << 32) | 4243, Out(p, 2)); // bpf_get_current_pid_tgid: tgid << 32 | pid
        Assert.Equal(77UL, Out(p, 3));                // bpf_get_current_cgroup_id
        Assert.Equal(2_000_000_000UL, Out(p, 4));     // bpf_ktime_get_boot_ns: the simulation clock
    }

    [Fact]
    public void Map_errors_are_the_kernels_errnos()
    {
        var (p, _) = Create(1);
        p.NumabHook(Task);
        Assert.Equal(0UL, Out(p, 5));
        Assert.Equal(unchecked((ulong)-17L), Out(p, 6));   // BPF_NOEXIST on an existing key: -EEXIST
        Assert.Equal(unchecked((ulong)-7L), Out(p, 7));    // third key into max_entries 2: -E2BIG
        var small = p.Instance.Map("small")!.Entries();
        Assert.Equal([3u], small.Select(e => BitConverter.ToUInt32(e.Key)));   // key 9 deleted again
        p.NumabHook(Task);
        Assert.Equal(2UL, BitConverter.ToUInt64(p.Instance.Map("seen")!.Entries()[3].Value));   // array slot 3 counted twice
    }

    [Fact]
    public void Printk_with_more_than_three_arguments_goes_through_trace_vprintk()
    {
        var (p, trace) = Create(1);
        p.NumabHook(Task);
        Assert.Equal(["five 4243 42 ff str 3"], trace);
    }

    [Fact]
    public void Random_numbers_come_from_the_seeded_stream()
    {
        var (a, _) = Create(5);
        var (b, _) = Create(5);
        var (c, _) = Create(6);
        var seqA = Enumerable.Range(0, 4).Select(_ => { a.NumabHook(Task); return Out(a, 0); }).ToList();
        var seqB = Enumerable.Range(0, 4).Select(_ => { b.NumabHook(Task); return Out(b, 0); }).ToList();
        var seqC = Enumerable.Range(0, 4).Select(_ => { c.NumabHook(Task); return Out(c, 0); }).ToList();
        Assert.Equal(seqA, seqB);
        Assert.NotEqual(seqA, seqC);
        Assert.Equal(4, seqA.Distinct().Count());
        Assert.All(seqA, v => Assert.True(v <= uint.MaxValue));
    }

    [Fact]
    public void Struct_ops_scan_extensions_become_overrides()
    {
        var (p, _) = Create(1);
        Assert.Equal(128u, p.Overrides.ScanSizeMb);
        Assert.Equal(500u, p.Overrides.ScanPeriodMinMs);
        Assert.Null(p.Overrides.ScanPeriodMaxMs);
        Assert.Equal(0u, p.Overrides.HotThresholdMs);
    }
}
