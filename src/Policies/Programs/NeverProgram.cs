using NumaActors.Kernel.Hooks;

namespace NumaActors.Policies.Programs;

/// <summary>Kind <c>never</c>: <c>numab_hook</c> returns 0, so with the global mode off the cgroup's tasks do not balance.</summary>
public sealed class NeverProgram(string name) : IHookProgram
{
    public string Name { get; } = name;

    public bool NumabHook(in HookTaskContext task) => false;

    public NumabOverrides Overrides => NumabOverrides.None;

    public void OnStatsWindow(in CgroupWindowStats stats) { }
}
