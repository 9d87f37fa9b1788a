using NumaActors.Kernel.Knobs;
using NumaActors.Kernel.Scenarios;
using NumaActors.Policies;

namespace NumaActors.Actors.Tests.Support;

/// <summary>Scripted scenarios (ScenarioBuilder), small enough to run in a second or two each.</summary>
public static class TestScenarios
{
    private static readonly HookProgramFactory Factory = HookProgramFactory.CreateBuiltin();

    public static ScenarioHookPrograms Programs { get; } = new(Factory);

    private static readonly AccessModel Zipf = new(2e6, AccessPattern.Zipf, 0.99, 0.2);

    public static IReadOnlyList<string> Names { get; } = ["mixed", "timeline", "hierarchical", "moves", "crowded"];

    public static Scenario Get(string name) => name switch
    {
        "mixed" => Mixed(),
        "timeline" => Timeline(),
        "hierarchical" => Hierarchical(),
        "moves" => Moves(),
        "crowded" => Crowded(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    public static Scenario Load(ScenarioBuilder builder)
    {
        var result = builder.Build(Factory.Catalog);
        return result.Scenario ?? throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
    }

    /// <summary>Two classes, three workloads, three arms (off, global, selective), memory spread over both nodes.</summary>
    public static Scenario Mixed() => Load(new ScenarioBuilder("mixed", TimeSpan.FromSeconds(6), seed: 7)
        .TimeseriesInterval(TimeSpan.FromSeconds(2))
        .Class("small", 2, "test-2node", new SysctlOverrides(ScanDelayMs: 500, ScanPeriodMinMs: 500))
        .Class("other", 1, "test-2node", new SysctlOverrides(ScanDelayMs: 500, ScanPeriodMinMs: 500))
        .Workload(Spread("cache", "small", 2, 4, 256L << 20))
        .Workload(Spread("batch", "small", 1, 3, 384L << 20) with { Access = new AccessModel(3e6, AccessPattern.Hotset, 0.2, 0.0) })
        .Workload(Spread("web", "other", 1, 2, 128L << 20))
        .Policy("batch-on", "static", new PolicyAttach("batch"), null, ("enabled", "true"), ("scan_size", "64MiB"))
        .Arm("off")
        .Arm("global", new SysctlOverrides(Mode: NumaBalancingMode.Normal))
        .Arm("selective", null, "batch-on"));

    /// <summary>Every kind of timeline event: attach, update, detach, sysctl, scale up and down, phase.</summary>
    public static Scenario Timeline() => Load(new ScenarioBuilder("timeline", TimeSpan.FromSeconds(14), seed: 11)
        .TimeseriesInterval(TimeSpan.FromSeconds(2))
        .Class("small", 3, "test-2node")
        .Workload(Spread("cache", "small", 2, 4, 512L << 20))
        .Workload(Spread("batch", "small", 1, 2, 256L << 20))
        .Policy("on", "static", null, ("enabled", "true"))
        .At(TimeSpan.FromSeconds(2)).Attach("on", "cache")
        .At(TimeSpan.FromSeconds(5)).Update("on", ("scan_size", "32MiB"))
        .At(TimeSpan.FromSeconds(6)).ScalePerServer("cache", 3)
        .At(TimeSpan.FromSeconds(7)).Phase("cache", new AccessChange(Pattern: AccessPattern.Uniform))
        .At(TimeSpan.FromSeconds(8)).Sysctl(new SysctlOverrides(Mode: NumaBalancingMode.Normal), "small")
        .At(TimeSpan.FromSeconds(10)).ScalePerServer("cache", 1)
        .At(TimeSpan.FromSeconds(11)).Detach("on", "cache")
        .At(TimeSpan.FromSeconds(12)).Sysctl(new SysctlOverrides(Mode: NumaBalancingMode.Disabled)));

    /// <summary>A hierarchical attach on the workloads' parent cgroup, resolved by the nearest holder.</summary>
    public static Scenario Hierarchical() => Load(new ScenarioBuilder("hierarchical", TimeSpan.FromSeconds(8), seed: 3)
        .HookResolution(Kernel.Hooks.HookResolution.Nearest)
        .TimeseriesInterval(TimeSpan.FromSeconds(2))
        .Class("small", 2, "test-2node")
        .Workload(Spread("cache", "small", 2, 4, 512L << 20) with { CgroupTemplate = "/kubepods/batch/cache" })
        .Policy("tree", "static", null, ("enabled", "true"))
        .At(TimeSpan.FromSeconds(1)).Attach("tree", "cache", hierarchical: true)
        .At(TimeSpan.FromSeconds(6)).Detach("tree", "cache"));

    /// <summary>Tasks started on the node their memory is not on, global balancing on: early-life faults bring the memory to them.</summary>
    public static Scenario Moves() => Load(new ScenarioBuilder("moves", TimeSpan.FromSeconds(10), seed: 5)
        .TimeseriesInterval(TimeSpan.FromSeconds(5))
        .Class("small", 1, "test-2node", new SysctlOverrides(Mode: NumaBalancingMode.Normal, ScanDelayMs: 200, ScanPeriodMinMs: 200))
        .Workload(Spread("far", "small", 1, 4, 256L << 20) with { InitialMemory = new InitialMemory(InitialMemoryKind.Node, 1) })
        .Workload(Spread("near", "small", 1, 4, 256L << 20) with { InitialMemory = new InitialMemory(InitialMemoryKind.Node, 0) }));

    /// <summary>
    /// A task whose memory cannot follow it: 'filler' (pinned to node 1, never balanced) fills
    /// node 0 with its memory, so every migration of 'far''s pages to node 0 fails; placement then
    /// prefers node 1, where 'far''s memory is, and the task moves there. Balancing runs for 'far'
    /// only, through its cgroup's hook program.
    /// </summary>
    public static Scenario Crowded() => Load(new ScenarioBuilder("crowded", TimeSpan.FromSeconds(20), seed: 13)
        .TimeseriesInterval(TimeSpan.FromSeconds(5))
        .Class("small", 1, "test-2node", new SysctlOverrides(ScanDelayMs: 200, ScanPeriodMinMs: 200))
        .Workload(Spread("filler", "small", 1, 1, 4080L << 20) with { InitialMemory = new InitialMemory(InitialMemoryKind.Node, 0), Pin = [1] })
        .Workload(Spread("far", "small", 1, 1, 128L << 20) with { InitialMemory = new InitialMemory(InitialMemoryKind.Node, 1) })
        .Policy("far-on", "static", new PolicyAttach("far"), null, ("enabled", "true")));

    /// <summary>Locality before and after a policy attached mid-run to a workload whose memory starts remote.</summary>
    public static Scenario MidRunAttach() => Load(new ScenarioBuilder("mid-run-attach", TimeSpan.FromSeconds(30), seed: 9)
        .TimeseriesInterval(TimeSpan.FromSeconds(5))
        .Class("small", 2, "test-2node", new SysctlOverrides(ScanDelayMs: 200, ScanPeriodMinMs: 200))
        .Workload(Spread("app", "small", 1, 2, 256L << 20) with { InitialMemory = new InitialMemory(InitialMemoryKind.Node, 1), Pin = [0] })
        .Policy("on", "static", null, ("enabled", "true"))
        .At(TimeSpan.FromSeconds(15)).Attach("on", "app"));

    public static Workload Spread(string name, string cls, int perServer, int tasks, long memory) =>
        new(name, cls, perServer, null, Workload.DefaultCgroup(name), tasks, memory, null, null, new InitialMemory(InitialMemoryKind.Interleave), Zipf, false);
}
