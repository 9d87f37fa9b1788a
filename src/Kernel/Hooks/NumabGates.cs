using NumaActors.Kernel.Knobs;

namespace NumaActors.Kernel.Hooks;

/// <summary>
/// The proposal's helpers for one server (kernel-model.md §9.1–§9.3), over its sysctl knobs and
/// its <see cref="HookRegistry"/>:
/// <code>
/// task_numab_enabled(p):   global mode != 0 → true (hook never consulted);
///                          no program attached anywhere → false; else the resolved program's numab_hook
/// task_numab_mode_normal:  NORMAL bit, or any program attached (BPF balancing is normal mode)
/// task_numab_mode_tiering: MEMORY_TIERING bit only (BPF cannot enable tiering)
/// task_numab_hot_thresh:   no program attached anywhere → sysctl; else the resolved program's
///                          non-zero hot_thresh, else sysctl
/// </code>
/// "Attached anywhere" is the static key <c>bpf_numab_enabled_key</c>: <see cref="HookRegistry.AttachedCount"/>.
/// The gates are called on every tick of every task and on every hinting fault: they read fields
/// and one array slot and never allocate. Knob changes (timeline <c>sysctl</c> events) happen between ticks.
/// </summary>
public sealed class NumabGates : INumabGates
{
    private NumaBalancingMode mode;

    public NumabGates(HookRegistry registry, NumaBalancingKnobs knobs)
    {
        Registry = registry;
        Knobs = knobs;
        mode = knobs.Mode;
    }

    /// <summary>A server with an empty cgroup tree and no programs.</summary>
    public static NumabGates Create(NumaBalancingKnobs knobs, HookResolution resolution = HookResolution.Leaf) =>
        new(new HookRegistry(new CgroupTree(), resolution), knobs);

    public HookRegistry Registry { get; }

    /// <summary>The server's current sysctl and debugfs values.</summary>
    public NumaBalancingKnobs Knobs { get; private set; }

    /// <summary><c>kernel.numa_balancing</c> now.</summary>
    public NumaBalancingMode Mode => mode;

    /// <summary>
    /// Apply new knob values (a timeline <c>sysctl</c> event). Returns true when the tiering bit
    /// goes from clear to set, the moment the kernel runs <c>reset_memory_tiering()</c> (§1.1), so
    /// the caller can reset each node's promotion state.
    /// </summary>
    public bool SetKnobs(NumaBalancingKnobs knobs)
    {
        ArgumentNullException.ThrowIfNull(knobs);
        if (((int)knobs.Mode & ~(int)NumaBalancingMode.NormalAndTiering) != 0)
            throw new ArgumentOutOfRangeException(nameof(knobs), knobs.Mode, "numa_balancing has only the NORMAL (1) and MEMORY_TIERING (2) bits");
        var tieringTurnedOn = (mode & NumaBalancingMode.MemoryTiering) == 0 && (knobs.Mode & NumaBalancingMode.MemoryTiering) != 0;
        Knobs = knobs;
        mode = knobs.Mode;
        return tieringTurnedOn;
    }

    /// <summary>Write <c>kernel.numa_balancing</c> only; same return value as <see cref="SetKnobs"/>.</summary>
    public bool SetMode(NumaBalancingMode newMode) => SetKnobs(Knobs with { Mode = newMode });

    public bool TaskNumabEnabled(in HookTaskContext task)
    {
        if (mode != NumaBalancingMode.Disabled) return true;
        if (Registry.AttachedCount == 0) return false;
        var program = Registry.Resolve(task.CgroupId);
        return program is not null && program.NumabHook(in task);
    }

    public bool ModeNormal => (mode & NumaBalancingMode.Normal) != 0 || Registry.AttachedCount > 0;

    public bool ModeTiering => (mode & NumaBalancingMode.MemoryTiering) != 0;

    public uint HotThresholdMs(ulong cgroupId)
    {
        if (Registry.AttachedCount == 0) return Knobs.HotThresholdMs;
        var own = Registry.Resolve(cgroupId)?.Overrides.HotThresholdMs ?? 0;
        return own != 0 ? own : Knobs.HotThresholdMs;
    }

    /// <summary>
    /// The resolved program's scan overrides, under the same rule as <c>hot_thresh</c>: none while
    /// no program is attached anywhere, or when the cgroup resolves to no program.
    /// </summary>
    public NumabOverrides Overrides(ulong cgroupId)
    {
        if (Registry.AttachedCount == 0) return NumabOverrides.None;
        return Registry.Resolve(cgroupId)?.Overrides ?? NumabOverrides.None;
    }

    /// <summary>Effective <c>scan_size_mb</c> for tasks of the cgroup: the program's override, else the sysctl.</summary>
    public uint ScanSizeMb(ulong cgroupId) => Overrides(cgroupId).ScanSizeMb ?? Knobs.ScanSizeMb;

    /// <summary>Effective <c>scan_period_min_ms</c>: the program's override, else the sysctl.</summary>
    public uint ScanPeriodMinMs(ulong cgroupId) => Overrides(cgroupId).ScanPeriodMinMs ?? Knobs.ScanPeriodMinMs;

    /// <summary>Effective <c>scan_period_max_ms</c>: the program's override, else the sysctl.</summary>
    public uint ScanPeriodMaxMs(ulong cgroupId) => Overrides(cgroupId).ScanPeriodMaxMs ?? Knobs.ScanPeriodMaxMs;

    /// <summary>Effective <c>scan_delay_ms</c>: the program's override, else the sysctl.</summary>
    public uint ScanDelayMs(ulong cgroupId) => Overrides(cgroupId).ScanDelayMs ?? Knobs.ScanDelayMs;
}
