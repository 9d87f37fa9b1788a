using NumaActors.Kernel.Hooks;

namespace NumaActors.Policies.Programs;

/// <summary>Kind <c>always</c>: <c>numab_hook</c> returns 1 for every task of the cgroup; no overrides.</summary>
public sealed class AlwaysProgram(string name) : IHookProgram
{
    public string Name { get; } = name;

    public bool NumabHook(in HookTaskContext task) => true;

    public NumabOverrides Overrides => NumabOverrides.None;

    public void OnStatsWindow(in CgroupWindowStats stats) { }
}
