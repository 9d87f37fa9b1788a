using NumaActors.Kernel.Hooks;

namespace NumaActors.Policies.Tests.Contract;

/// <summary>
/// What every hook program must do, whatever its kind (one derived class per kind runs these):
/// the kernel model calls <c>numab_hook</c> on every tick of every task and every hinting fault,
/// and the engines must give identical results run after run and engine against engine.
/// Derive, implement <see cref="Create"/>, and optionally widen <see cref="Tasks"/> and <see cref="Windows"/>.
/// </summary>
public abstract class HookProgramContractTests
{
    /// <summary>A fresh program instance for the target, as the factory would make it.</summary>
    protected abstract IHookProgram Create(HookProgramTarget target);

    protected static HookProgramTarget TargetA { get; } = new("contract", ServerId: 1, CgroupId: 10) { Seed = 42 };

    protected static HookProgramTarget TargetB { get; } = new("contract", ServerId: 1, CgroupId: 11) { Seed = 42 };

    /// <summary>Tasks to ask about: different pids, nodes, fault figures and times.</summary>
    protected virtual IReadOnlyList<HookTaskContext> Tasks { get; } =
    [
        new(Pid: 100, Tgid: 100, CgroupId: 10, Node: 0, PreferredNode: -1, NowNs: 0, NumaFaultsLocal: 0, NumaFaultsRemote: 0, NumaPagesMigrated: 0, ResidentPages: 0),
        new(Pid: 101, Tgid: 100, CgroupId: 10, Node: 1, PreferredNode: 0, NowNs: 1_000_000_000, NumaFaultsLocal: 10, NumaFaultsRemote: 990, NumaPagesMigrated: 5, ResidentPages: 65_536),
        new(Pid: 102, Tgid: 100, CgroupId: 10, Node: 3, PreferredNode: 3, NowNs: 60_000_000_000, NumaFaultsLocal: 1_000_000, NumaFaultsRemote: 1, NumaPagesMigrated: 0, ResidentPages: 4_194_304),
        new(Pid: int.MaxValue, Tgid: 1, CgroupId: 10, Node: 7, PreferredNode: 1, NowNs: long.MaxValue / 2, NumaFaultsLocal: long.MaxValue / 4, NumaFaultsRemote: long.MaxValue / 4, NumaPagesMigrated: long.MaxValue / 4, ResidentPages: long.MaxValue / 4),
    ];

    /// <summary>Statistics windows: idle, over any budget, under any budget, zero-length, extreme.</summary>
    protected virtual IReadOnlyList<CgroupWindowStats> Windows { get; } =
    [
        new(NowNs: 1_000_000_000, WindowNs: 1_000_000_000, Accesses: 0, LocalAccesses: 0, HintFaults: 0, HintFaultsLocal: 0, PagesMigrated: 0, PromoteCandidates: 0, PromoteSuccess: 0, ResidentPages: 0),
        new(NowNs: 2_000_000_000, WindowNs: 1_000_000_000, Accesses: 20_000_000, LocalAccesses: 2_000_000, HintFaults: 500_000, HintFaultsLocal: 10_000, PagesMigrated: 400_000, PromoteCandidates: 300_000, PromoteSuccess: 250_000, ResidentPages: 4_194_304),
        new(NowNs: 3_000_000_000, WindowNs: 1_000_000_000, Accesses: 20_000_000, LocalAccesses: 19_000_000, HintFaults: 1_000, HintFaultsLocal: 990, PagesMigrated: 3, PromoteCandidates: 0, PromoteSuccess: 0, ResidentPages: 4_194_304),
        new(NowNs: 3_000_000_000, WindowNs: 0, Accesses: 5, LocalAccesses: 5, HintFaults: 5, HintFaultsLocal: 5, PagesMigrated: 5, PromoteCandidates: 5, PromoteSuccess: 5, ResidentPages: 5),
        new(NowNs: long.MaxValue / 2, WindowNs: 100_000_000, Accesses: long.MaxValue / 4, LocalAccesses: 0, HintFaults: long.MaxValue / 4, HintFaultsLocal: 0, PagesMigrated: long.MaxValue / 4, PromoteCandidates: long.MaxValue / 4, PromoteSuccess: long.MaxValue / 4, ResidentPages: long.MaxValue / 4),
    ];

    [Fact]
    public void The_same_inputs_give_the_same_answers_and_overrides()
    {
        Assert.Equal(Trace(Create(TargetA)), Trace(Create(TargetA)));
    }

    [Fact]
    public void Two_instances_share_no_state()
    {
        var fed = Create(TargetA);
        var other = Create(TargetB);
        var reference = Create(TargetB);
        Assert.NotSame(fed, other);

        // Drive one instance hard; the other must still answer exactly as an untouched one does.
        for (var round = 0; round < 20; round++)
            foreach (var w in Windows)
            {
                fed.OnStatsWindow(w);
                foreach (var t in Tasks) fed.NumabHook(t);
            }

        Assert.Equal(Trace(reference), Trace(other));
    }

    [Fact]
    public void Overrides_are_never_null()
    {
        var program = Create(TargetA);
        Assert.NotNull(program.Overrides);
        foreach (var w in Windows)
        {
            program.OnStatsWindow(w);
            Assert.NotNull(program.Overrides);
        }
    }

    [Fact]
    public void Statistics_windows_are_accepted_at_any_time()
    {
        // Before any hook call, repeated, out of order, zero-length: none may throw or break the answers.
        var program = Create(TargetA);
        foreach (var w in Windows.Reverse()) program.OnStatsWindow(w);
        foreach (var w in Windows) program.OnStatsWindow(w);
        program.OnStatsWindow(default);
        foreach (var t in Tasks) program.NumabHook(t);
        program.OnStatsWindow(Windows[^1]);

        var overrides = program.Overrides;
        if (overrides.ScanPeriodMinMs is { } min && overrides.ScanPeriodMaxMs is { } max) Assert.True(min <= max);
        Assert.False(overrides.ScanSizeMb == 0, "scan_size 0 would divide by zero in the scanner");
    }

    [Fact]
    public void Numab_hook_allocates_nothing()
    {
        var program = Create(TargetA);
        foreach (var w in Windows) program.OnStatsWindow(w);
        var tasks = Tasks.ToArray();
        var enabled = 0L;
        Call();   // JIT and any lazy set-up outside the measurement

        var before = GC.GetAllocatedBytesForCurrentThread();
        Call();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(enabled >= 0);

        void Call()
        {
            for (var i = 0; i < 20_000; i++)
                foreach (var t in tasks)
                    if (program.NumabHook(in t)) enabled++;
        }
    }

    [Fact]
    public void Has_a_name_and_passes_the_registrys_checks()
    {
        var program = Create(TargetA);
        Assert.False(string.IsNullOrWhiteSpace(program.Name));

        var tree = new CgroupTree();
        tree.GetOrCreate("/kubepods/pod-0", out var leaf);
        Assert.Equal(HookResult.Ok, new HookRegistry(tree).Attach(leaf, program));
    }

    /// <summary>Hook answers and overrides over a fixed sequence of windows and tasks.</summary>
    private List<string> Trace(IHookProgram program)
    {
        var trace = new List<string>();
        foreach (var w in Windows.Concat(Windows))
        {
            foreach (var t in Tasks) trace.Add($"{t.Pid}:{program.NumabHook(t)}");
            trace.Add(program.Overrides.ToString());
            program.OnStatsWindow(w);
        }
        trace.Add(program.Overrides.ToString());
        return trace;
    }
}
