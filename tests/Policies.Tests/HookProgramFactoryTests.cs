using NumaActors.Kernel.Hooks;
using NumaActors.Policies.Bpf.Hooks;
using NumaActors.Policies.Programs;

namespace NumaActors.Policies.Tests;

public class HookProgramFactoryTests
{
    private readonly HookProgramFactory factory = HookProgramFactory.CreateBuiltin();

    private static readonly HookProgramTarget Target = new("batch-on", ServerId: 7, CgroupId: 42);

    private static Dictionary<string, string> P(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public void Every_call_returns_a_fresh_instance_named_after_the_policy()
    {
        var a = factory.Create("adaptive-hot-threshold", P(), Target);
        var b = factory.Create("adaptive-hot-threshold", P(), Target with { CgroupId = 43 });

        Assert.NotSame(a, b);
        Assert.Equal("batch-on", a.Name);
    }

    [Fact]
    public void Static_parameters_become_the_programs_answer_and_overrides()
    {
        var program = factory.Create("static", P(("enabled", "false"), ("hot_threshold", "500ms"), ("scan_size", "512MiB"), ("scan_delay", "2s")), Target);

        Assert.False(program.NumabHook(default));
        Assert.Equal(new NumabOverrides { HotThresholdMs = 500, ScanSizeMb = 512, ScanDelayMs = 2000 }, program.Overrides);
    }

    [Fact]
    public void Static_without_parameters_is_on_and_overrides_nothing()
    {
        var program = factory.Create("static", P(), Target);
        Assert.True(program.NumabHook(default));
        Assert.Equal(NumabOverrides.None, program.Overrides);
    }

    [Theory]
    [InlineData("never", false)]
    [InlineData("always", true)]
    public void Never_and_always_answer_as_named(string kind, bool expected)
    {
        Assert.Equal(expected, factory.Create(kind, P(), Target).NumabHook(default));
    }

    [Fact]
    public void Adaptive_starts_from_its_initial_threshold()
    {
        var program = factory.Create("adaptive-hot-threshold", P(("initial_threshold", "300ms")), Target);
        Assert.IsType<AdaptiveHotThresholdProgram>(program);
        Assert.Equal(300u, program.Overrides.HotThresholdMs);
    }

    [Fact]
    public void Bad_parameters_give_errors_and_no_program()
    {
        Assert.False(factory.TryCreate("static", P(("scan_size", "0MiB")), Target, out var program, out var errors));
        Assert.Null(program);
        Assert.Equal("scan_size", Assert.Single(errors).Param);
        Assert.Throws<ArgumentException>(() => factory.Create("static", P(("scan_size", "0MiB")), Target));
    }

    [Fact]
    public void Bpf_makes_a_fresh_program_per_cgroup_from_the_policys_object()
    {
        var demo = Target with { ObjectPath = Path.Combine(Bpf.SimulatorHeaderTests.RepoRoot(), "examples", "policies", "numab_demo.o") };
        Assert.True(factory.CanCreate("bpf"));
        Assert.True(factory.TryCreate("bpf", P(), demo, out var first, out _));
        var second = factory.Create("bpf", P(), demo with { CgroupId = demo.CgroupId + 1 });

        Assert.IsType<BpfHookProgram>(first);
        Assert.NotSame(first, second);
        Assert.Equal("batch-on", first!.Name);
        Assert.Equal(500u, first.Overrides.HotThresholdMs);
        Assert.Throws<ArgumentException>(() => factory.Create("bpf", P(("no_such_variable", "1")), demo));
    }

    [Fact]
    public void A_creator_for_a_kind_missing_from_the_catalog_is_refused()
    {
        Assert.Throws<ArgumentException>(() => factory.Register("sometimes", (_, t) => new AlwaysProgram(t.PolicyName)));
    }
}
