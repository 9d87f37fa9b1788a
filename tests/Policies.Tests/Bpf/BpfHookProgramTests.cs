using NumaActors.Kernel.Hooks;
using NumaActors.Policies.Bpf.Hooks;
using NumaActors.Policies.Bpf.Loading;
using NumaActors.Policies.Bpf.Vm;

namespace NumaActors.Policies.Tests.Bpf;

/// <summary>The committed example policies as hook programs, and the program's run-time rules.</summary>
public class BpfHookProgramTests
{
    internal static BpfNumabPolicy Example(string name, BpfLoadOptions? options = null)
    {
        var r = BpfPolicyLoader.LoadFile(Path.Combine(SimulatorHeaderTests.RepoRoot(), "examples", "policies", name), options);
        Assert.True(r.Succeeded, string.Join("; ", r.Errors));
        return r.Policy!;
    }

    private static HookTaskContext Task(long remote, long local, ulong cgroup = 10, long nowNs = 1_000_000_000) =>
        new(500, 500, cgroup, 0, 1, nowNs, local, remote, 0, 1000);

    [Fact]
    public void The_demo_enables_balancing_and_sets_the_hot_threshold()
    {
        var program = new BpfHookProgram(Example("numab_demo.o"), new BpfHostServices(7));
        Assert.True(program.NumabHook(Task(0, 0)));
        Assert.Equal(500u, program.Overrides.HotThresholdMs);
        Assert.Null(program.Overrides.ScanSizeMb);
        Assert.Equal("bpf:numab_demo", program.Name);
    }

    [Fact]
    public void The_stateful_policy_turns_balancing_on_only_after_enough_remote_faults()
    {
        var trace = new List<string>();
        var program = new BpfHookProgram(Example("numab_remote_faults.o"), new BpfHostServices(7, trace.Add));
        // 999 remote faults: below min_remote_faults = 1000, stays off.
        Assert.False(program.NumabHook(Task(remote: 999, local: 100)));
        // 5000 remote of 100000: 5% remote, below min_remote_pct = 30, stays off.
        Assert.False(program.NumabHook(Task(remote: 5000, local: 95_000)));
        // 1200 remote of 2000: 60% remote and over 1000: on.
        Assert.True(program.NumabHook(Task(remote: 1200, local: 800, nowNs: 3_000_000_000)));
        // Hysteresis: stays on even when a later task is all local.
        Assert.True(program.NumabHook(Task(remote: 0, local: 10_000)));
        Assert.Equal(["numab: cgroup 10 balancing on, 1200 remote faults"], trace);
        var (_, value) = Assert.Single(program.Instance.Map("cg_numa_stats")!.Entries());
        Assert.Equal(4UL, BitConverter.ToUInt64(value, 0));               // calls
        Assert.Equal(5000UL, BitConverter.ToUInt64(value, 8));            // max_remote
        Assert.Equal(3_000_000_000UL, BitConverter.ToUInt64(value, 16));  // enabled_at_ns from the simulation clock
    }

    [Fact]
    public void The_stateful_policys_threshold_is_a_load_time_parameter()
    {
        var options = new BpfLoadOptions { Rodata = new Dictionary<string, ulong> { ["min_remote_faults"] = 100 } };
        var program = new BpfHookProgram(Example("numab_remote_faults.o", options), new BpfHostServices(7));
        Assert.True(program.NumabHook(Task(remote: 150, local: 100)));
    }

    [Fact]
    public void Each_instance_keeps_its_own_map()
    {
        var policy = Example("numab_remote_faults.o");
        var a = new BpfHookProgram(policy, new BpfHostServices(7));
        var b = new BpfHookProgram(policy, new BpfHostServices(7));
        Assert.True(a.NumabHook(Task(remote: 2000, local: 0)));
        Assert.False(b.NumabHook(Task(remote: 10, local: 0)));
        Assert.Single(a.Instance.Map("cg_numa_stats")!.Entries());
        Assert.Equal(1UL, BitConverter.ToUInt64(b.Instance.Map("cg_numa_stats")!.Entries()[0].Value, 0));
    }

    [Fact]
    public void A_fault_marks_the_program_for_detach_and_it_answers_no_balancing_from_then_on()
    {
        // The demo's layout without numa_preferred_nid makes numab_core fault at its unguarded load.
        var layout = Policies.Bpf.Layout.SimulatorLayout.Default.WithoutMember("task_struct", "numa_preferred_nid");
        var policy = BpfPolicyLoader.Load(Fixture.Bytes("numab_core.o"), layout: layout).Policy!;
        var program = new BpfHookProgram(policy, new BpfHostServices(7), layout: layout);
        var task = new HookTaskContext(4242, 4242, 10, 0, 1, 1_000_000_000, 700, 300, 10, 1000);
        Assert.False(program.NumabHook(task));
        Assert.NotNull(program.RunFault);
        Assert.Equal("executed an unresolved CO-RE instruction at insn 48", program.RunFault!.Message);
        Assert.Equal(10UL, program.RunFault.CgroupId);
        Assert.Equal(1, program.Calls);
        Assert.False(program.NumabHook(task));
        Assert.Equal(1, program.Calls);
    }

    [Fact]
    public void Exhausting_the_budget_is_a_fault_not_a_hang()
    {
        var program = new BpfHookProgram(Example("numab_remote_faults.o"), new BpfHostServices(7, InstructionBudget: 20));
        Assert.False(program.NumabHook(Task(remote: 2000, local: 0)));
        Assert.Equal("instruction budget of 20 exhausted (an endless loop?)", program.RunFault!.Message);
    }

    [Fact]
    public void Numab_hook_allocates_nothing_once_warm()
    {
        var program = new BpfHookProgram(Example("numab_remote_faults.o"), new BpfHostServices(7));
        var tasks = new[] { Task(10, 10), Task(100, 5, cgroup: 11), Task(0, 50_000, cgroup: 12) };
        var enabled = 0;
        Call();
        var before = GC.GetAllocatedBytesForCurrentThread();
        Call();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(0, enabled);

        void Call()
        {
            for (var i = 0; i < 2_000; i++)
            {
                foreach (var t in tasks)
                {
                    if (program.NumabHook(in t))
                        enabled++;
                }
            }
        }
    }
}
