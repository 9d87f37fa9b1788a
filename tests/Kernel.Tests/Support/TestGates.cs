using NumaActors.Kernel.Hooks;
using NumaActors.Kernel.Knobs;

namespace NumaActors.Kernel.Tests.Support;

/// <summary>
/// A test-side INumabGates following kernel-model.md §9.2: the global mode enables every task;
/// otherwise only tasks of the listed cgroups (as if a program returning 1 were attached there).
/// </summary>
internal sealed class TestGates(NumaBalancingMode mode, IReadOnlyCollection<ulong>? enabledCgroups = null, uint hotThresholdMs = 1000, NumabOverrides? overrides = null) : INumabGates
{
    private readonly IReadOnlyCollection<ulong> _enabled = enabledCgroups ?? [];

    public static TestGates Global(NumaBalancingMode mode, uint hotThresholdMs = 1000) => new(mode, null, hotThresholdMs);

    public bool TaskNumabEnabled(in HookTaskContext task) => mode != NumaBalancingMode.Disabled || _enabled.Contains(task.CgroupId);
    public bool ModeNormal => (mode & NumaBalancingMode.Normal) != 0 || _enabled.Count > 0;
    public bool ModeTiering => (mode & NumaBalancingMode.MemoryTiering) != 0;
    public uint HotThresholdMs(ulong cgroupId) => hotThresholdMs;
    public NumabOverrides Overrides(ulong cgroupId) => overrides ?? NumabOverrides.None;
}
