namespace NumaActors.Kernel.Hooks;

/// <summary>
/// The helpers every NUMA balancing gate of one server goes through (kernel-model.md §9.1–§9.3):
/// <c>task_numab_enabled(p)</c>, <c>task_numab_mode_normal()</c>, <c>task_numab_mode_tiering()</c>,
/// <c>task_numab_hot_thresh(p)</c>, plus the simulator's scan-parameter extension.
/// The kernel model calls only these; the hook registry implements them.
/// </summary>
public interface INumabGates
{
    /// <summary>Global mode non-zero: true; else the task's cgroup's program decides (no program: false).</summary>
    bool TaskNumabEnabled(in HookTaskContext task);

    /// <summary>NORMAL bit of the global mode, or any program attached on this server.</summary>
    bool ModeNormal { get; }

    /// <summary>MEMORY_TIERING bit of the global mode (BPF cannot enable tiering).</summary>
    bool ModeTiering { get; }

    /// <summary>Hot threshold for a task of this cgroup: its program's non-zero <c>hot_thresh</c>, else the sysctl.</summary>
    uint HotThresholdMs(ulong cgroupId);

    /// <summary>The scan extension overrides of the cgroup's program (members null = use the sysctl).</summary>
    NumabOverrides Overrides(ulong cgroupId);
}
