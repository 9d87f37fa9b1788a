using System.Collections.Immutable;
using NumaActors.Kernel.Hooks;

namespace NumaActors.Kernel.Scenarios;

/// <summary>
/// A validated scenario (CONTRACT.md §2): the fleet, its workloads, the hook programs, the timeline
/// and the arms to compare. Only <see cref="ScenarioLoader"/> and <see cref="ScenarioBuilder"/> make one,
/// and only when every rule holds, so consumers never re-check it.
/// </summary>
/// <remarks>
/// Arms rule: when the file has no <c>arms:</c> there is exactly one arm, named <c>default</c>, with no
/// sysctl override and <see cref="Arm.PolicyNames"/> null, meaning every policy's <c>attach</c> is applied.
/// When <c>arms:</c> is present, each arm applies the <c>attach</c> of exactly the policies it lists
/// (no <c>policies:</c> key means none). The timeline applies in every arm; a timeline detach of a policy
/// an arm does not have attached does nothing in that arm, and a second attach to a workload is an error
/// (EBUSY) in whichever arm it happens.
/// </remarks>
public sealed record Scenario(
    int Version,
    string Name,
    ulong Seed,
    TimeSpan Duration,
    TimeSpan Tick,
    HookResolution HookResolution,
    long RegionSizeBytes,
    ImmutableArray<ServerClass> Fleet,
    ImmutableArray<Workload> Workloads,
    ImmutableArray<PolicySpec> Policies,
    ImmutableArray<TimelineEvent> Timeline,
    ImmutableArray<Arm> Arms,
    Outputs Outputs,
    string? SourcePath,
    string BaseDirectory)
{
    /// <summary>
    /// Base-page bytes one simulated hinting fault stands for (<c>fault_grain</c>): 4 KiB (the
    /// default) simulates every fault; a larger grain draws one fault per grain of marked pages and
    /// accounts it as that many, trading variance for speed (docs/MODEL.md, docs/PERFORMANCE.md).
    /// </summary>
    public long FaultGrainBytes { get; init; } = DefaultFaultGrainBytes;

    /// <summary>The default fault grain: one 4 KiB page, every hinting fault simulated.</summary>
    public const long DefaultFaultGrainBytes = 4096;

    /// <summary>
    /// Why <paramref name="grainBytes"/> (written <paramref name="text"/>) cannot be a fault grain
    /// with regions of <paramref name="regionBytes"/>, or null: a grain is whole 4 KiB pages, at most
    /// one region (one simulated fault takes pages of one region on one node).
    /// </summary>
    public static string? FaultGrainProblem(long grainBytes, long regionBytes, string text) =>
        grainBytes <= 0 || grainBytes % 4096 != 0 ? $"must be a whole number of 4KiB pages, found '{text}'"
        : grainBytes > regionBytes ? $"'{text}' is larger than a region ({regionBytes / 1024}KiB): one simulated fault covers at most one region's pages on a node"
        : null;

    /// <summary>Default simulation step (CONTRACT.md §2).</summary>
    public static TimeSpan DefaultTick { get; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Default memory region size: one PMD-mapped huge page (DESIGN.md, cost model).</summary>
    public const long DefaultRegionSizeBytes = 2L << 20;

    /// <summary>The seed used when the file names none.</summary>
    public const ulong DefaultSeed = 0;

    /// <summary>Number of ticks in the run; the loader guarantees <see cref="Tick"/> divides <see cref="Duration"/>.</summary>
    public long TickCount => Duration.Ticks / Tick.Ticks;

    public ServerClass? FindClass(string name) => Fleet.FirstOrDefault(c => c.Name == name);

    public Workload? FindWorkload(string name) => Workloads.FirstOrDefault(w => w.Name == name);

    public PolicySpec? FindPolicy(string name) => Policies.FirstOrDefault(p => p.Name == name);

    /// <summary>A policy as it runs in <paramref name="arm"/>: its parameters with the arm's sweep overrides.</summary>
    public PolicySpec? FindPolicy(Arm arm, string name) =>
        FindPolicy(name) is { } p ? p with { Params = arm.ParamsOf(name, p.Params) } : null;

    /// <summary>The policies whose <c>attach</c> an arm applies at the start (see the arms rule above), as they run in that arm.</summary>
    public ImmutableArray<PolicySpec> AttachedPolicies(Arm arm) =>
        arm.PolicyNames is null
            ? Policies.Where(p => p.Attach is not null).ToImmutableArray()
            : arm.PolicyNames.Value.Select(n => FindPolicy(arm, n)!).Where(p => p.Attach is not null).ToImmutableArray();
}
