using NumaActors.Kernel.Hooks;

namespace NumaActors.Policies.Programs;

/// <summary>
/// Kind <c>static</c>: a fixed answer and fixed overrides, what an operator writes as a one-line
/// BPF program with <c>.hot_thresh = N</c> (kernel-model.md §9.3) plus the simulator's scan extensions.
/// </summary>
public sealed class StaticProgram(string name, bool enabled, NumabOverrides overrides) : IHookProgram
{
    public string Name { get; } = name;

    public bool Enabled { get; } = enabled;

    public bool NumabHook(in HookTaskContext task) => Enabled;

    public NumabOverrides Overrides { get; } = overrides ?? NumabOverrides.None;

    public void OnStatsWindow(in CgroupWindowStats stats) { }
}
