using System.Collections.Immutable;
using NumaActors.Kernel.Scenarios;
using NumaActors.Kernel.Setup;
using ScenarioAccess = NumaActors.Kernel.Scenarios.AccessModel;
using ScenarioPattern = NumaActors.Kernel.Scenarios.AccessPattern;

namespace NumaActors.Kernel.Fleet;

/// <summary>Turns the scenario's words into the kernel model's setup values.</summary>
public static class SetupMapping
{
    public static ProcessSetup Process(Scenario scenario, InstancePlan instance, ulong cgroupId)
    {
        var w = scenario.Workloads[instance.WorkloadIndex];
        return new ProcessSetup(
            instance.Pid, cgroupId, w.Tasks, w.MemoryBytes, Access(w.Access), Placement(w.InitialMemory),
            w.Cpuset, w.Pin, w.LatencySensitive, Name: w.Name);
    }

    public static Setup.AccessModel Access(ScenarioAccess access) =>
        new(access.RatePerSecond, Pattern(access.Pattern), access.Skew, access.Shared);

    public static Setup.AccessPattern Pattern(ScenarioPattern pattern) => pattern switch
    {
        ScenarioPattern.Uniform => Setup.AccessPattern.Uniform,
        ScenarioPattern.Zipf => Setup.AccessPattern.Zipf,
        ScenarioPattern.Hotset => Setup.AccessPattern.Hotset,
        _ => throw new ArgumentOutOfRangeException(nameof(pattern), pattern, null),
    };

    public static InitialPlacement Placement(InitialMemory memory) => memory.Kind switch
    {
        InitialMemoryKind.FirstTouch => InitialPlacement.FirstTouch,
        InitialMemoryKind.Interleave => InitialPlacement.Interleave,
        InitialMemoryKind.Spread => InitialPlacement.Spread,
        InitialMemoryKind.Node => InitialPlacement.OnNode(memory.Node ?? 0),
        _ => throw new ArgumentOutOfRangeException(nameof(memory), memory.Kind, null),
    };

    public static CostModel Costs(ClassCosts costs)
    {
        var model = CostModel.Default;
        if (costs.PteUpdate is { } pte) model = model with { PteUpdateNs = pte.Ticks * 100.0 };
        if (costs.HintFault is { } fault) model = model with { HintFaultNs = fault.Ticks * 100.0 };
        if (costs.MigratePage is { } migrate) model = model with { MigratePageNs = migrate.Ticks * 100.0 };
        return model;
    }

    public static ServerSetup Server(Scenario scenario, ServerPlan plan, Knobs.NumaBalancingKnobs knobs) =>
        new(plan.ServerId, plan.Class.Machine, knobs, ImmutableArray<ProcessSetup>.Empty, scenario.Seed,
            Costs(plan.Class.Costs), scenario.RegionSizeBytes, (int)scenario.Tick.TotalMilliseconds,
            (int)(scenario.FaultGrainBytes / Rules.KernelConstants.PageSize));
}
