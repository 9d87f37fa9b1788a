using NumaActors.Policies.Bpf.Hooks;

namespace NumaActors.Policies;

/// <summary>
/// Parameter rules of the built-in kinds. Ranges follow the kernel's own types: the debugfs knobs
/// and <c>hot_thresh</c> are u32 milliseconds or MB (kernel-model.md §1.2, §9.3); a scan size of 0
/// would divide by zero in <c>task_nr_scan_windows</c>, so it starts at 1 MiB; <c>hot_thresh</c> = 0
/// means "use the sysctl", so to get that one leaves the parameter out.
/// </summary>
public static class BuiltinPolicyKinds
{
    private const double U32Max = uint.MaxValue;

    /// <summary>The kernel's default promotion rate limit, 65536 MB/s, in 4 KiB pages per second (MB_TO_PAGES: ×256).</summary>
    public const double KernelPromoteRateLimitPages = 65536.0 * 256;

    public static PolicyKindSpec Never { get; } = new(PolicyKinds.Never,
        "numab_hook returns 0: NUMA balancing stays off for the cgroup's tasks (unless the global mode is on)", []);

    public static PolicyKindSpec Always { get; } = new(PolicyKinds.Always,
        "numab_hook returns 1: NUMA balancing on for the cgroup's tasks", []);

    public static PolicyKindSpec Static { get; } = new(PolicyKinds.Static,
        "fixed answer and fixed per-cgroup overrides of the hot threshold and scan knobs",
        [
            new("enabled", PolicyParamType.Bool, "numab_hook's answer") { Default = "true" },
            new("hot_threshold", PolicyParamType.Duration, "hot_thresh: tiering hot threshold for this cgroup (default: the sysctl)") { Min = 1, Max = U32Max },
            new("scan_size", PolicyParamType.Size, "scan_size_mb for this cgroup's tasks (default: the sysctl)") { Min = 1, Max = U32Max },
            new("scan_period_min", PolicyParamType.Duration, "scan_period_min_ms for this cgroup's tasks (default: the sysctl)") { Min = 0, Max = U32Max },
            new("scan_period_max", PolicyParamType.Duration, "scan_period_max_ms for this cgroup's tasks (default: the sysctl)") { Min = 0, Max = U32Max },
            new("scan_delay", PolicyParamType.Duration, "scan_delay_ms for this cgroup's new address spaces (default: the sysctl)") { Min = 0, Max = U32Max },
        ])
    {
        Orders = [new("scan_period_min", "scan_period_max", "scan_period_min")],
    };

    public static PolicyKindSpec AdaptiveHotThreshold { get; } = new(PolicyKinds.AdaptiveHotThreshold,
        "balancing on; steers its own hot threshold every statistics window to keep its migration rate under a budget",
        [
            new("budget", PolicyParamType.PageRate, "migration/promotion budget for this cgroup") { Default = "64MiB/s", Min = 1, Max = KernelPromoteRateLimitPages },
            new("min_threshold", PolicyParamType.Duration, "lowest hot threshold the loop may set") { Default = "50ms", Min = 1, Max = U32Max },
            new("max_threshold", PolicyParamType.Duration, "highest hot threshold the loop may set (kernel auto-adjust ceiling: 2 × 1000ms)") { Default = "2000ms", Min = 1, Max = U32Max },
            new("initial_threshold", PolicyParamType.Duration, "hot threshold before the first window (the sysctl default)") { Default = "1000ms", Min = 1, Max = U32Max },
            new("step", PolicyParamType.Duration, "additive step per window (kernel auto-adjust unit: 2 × 1000ms / 16)") { Default = "125ms", Min = 1, Max = U32Max },
        ])
    {
        Orders =
        [
            new("min_threshold", "max_threshold", "min_threshold"),
            new("min_threshold", "initial_threshold", "initial_threshold"),
            new("initial_threshold", "max_threshold", "initial_threshold"),
        ],
    };

    /// <summary>
    /// Its parameters are the object's read-only variables, unknown until the object is loaded, so
    /// any name is accepted as text here; <see cref="PolicyKindSpec.CheckObject"/> loads the object
    /// with them, so a refused object or an unknown variable is a scenario error.
    /// </summary>
    public static PolicyKindSpec Bpf { get; } = new(PolicyKinds.Bpf,
        "a BPF object's bpf_numab_ops (struct_ops) run by the simulator's BPF interpreter; parameters override its .rodata variables", [])
    {
        OpenParams = true,
        CheckObject = BpfPolicyKind.Check,
    };

    public static IReadOnlyList<PolicyKindSpec> All { get; } = [Never, Always, Static, AdaptiveHotThreshold, Bpf];
}
