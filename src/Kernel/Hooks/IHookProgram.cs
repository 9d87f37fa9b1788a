namespace NumaActors.Kernel.Hooks;

/// <summary>
/// The simulator's <c>bpf_numab_ops</c> (kernel-model.md §9.2): one loaded program instance, owned
/// by the cgroup it is attached to on one server, so any state it keeps is that cgroup's alone.
/// </summary>
public interface IHookProgram
{
    /// <summary>Policy name, for reports and events.</summary>
    string Name { get; }

    /// <summary><c>numab_hook(p)</c>: true (non-zero) enables NUMA balancing for the task.</summary>
    bool NumabHook(in HookTaskContext task);

    /// <summary><c>hot_thresh</c> and the simulator's scan extensions, read at each use.</summary>
    NumabOverrides Overrides { get; }

    /// <summary>
    /// Called by the owning cgroup once per statistics window with that cgroup's figures for the
    /// window, so closed-loop policies can steer their overrides. Stateless programs ignore it.
    /// </summary>
    void OnStatsWindow(in CgroupWindowStats stats);

    /// <summary>
    /// Whether the ops image fills <c>numab_hook</c>. The proposal's <c>validate</c> requires it
    /// (EINVAL otherwise); C# programs always have one, a BPF object may not.
    /// </summary>
    bool HasNumabHook => true;

    /// <summary>
    /// Whether <c>numab_hook</c> is a sleepable program. <c>check_member</c> rejects it (EINVAL)
    /// because every call site runs under RCU (kernel-model.md §9.2).
    /// </summary>
    bool IsSleepable => false;

    /// <summary>
    /// Why the program stopped at run time (a BPF program's bad access or exhausted budget), or
    /// null. A faulted program answers "no balancing"; the server detaches it before the next
    /// tick, as a detach would, and reports the event. C# programs never fault.
    /// </summary>
    string? Fault => null;

    /// <summary>
    /// Whether <c>numab_hook</c> changes the program's state (a BPF program's maps, globals and
    /// random stream), so its calls must run one at a time and in the kernel model's order for
    /// results to be the same in every engine.
    /// </summary>
    bool HookKeepsState => false;

    /// <summary>
    /// Lines the program printed since the last call (a BPF program's <c>bpf_printk</c>), for the
    /// report's events; taken between ticks. C# programs print nothing.
    /// </summary>
    IReadOnlyList<string> TakePrintk() => [];
}
