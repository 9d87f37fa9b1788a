using NumaActors.Kernel.Hooks;

namespace NumaActors.Actors.Tests.Support;

/// <summary>A hook program with a fixed answer, for lifecycle tests.</summary>
public sealed class FixedProgram(string name, bool enabled) : IHookProgram
{
    public string Name { get; } = name;

    public bool NumabHook(in HookTaskContext task) => enabled;

    public NumabOverrides Overrides => NumabOverrides.None;

    public void OnStatsWindow(in CgroupWindowStats stats) { }
}
