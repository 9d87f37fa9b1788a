namespace NumaActors.Kernel.Hooks;

/// <summary>
/// The kernel error numbers the hook lifecycle can answer with (kernel-model.md §9.2), by name,
/// so reports and messages read like the kernel's own.
/// </summary>
public enum Errno
{
    /// <summary>Success.</summary>
    None = 0,

    /// <summary>No such cgroup, or nothing attached to detach.</summary>
    ENOENT,

    /// <summary>The cgroup already has a program (one program per memcg), or a cgroup with children cannot be removed.</summary>
    EBUSY,

    /// <summary>Invalid program (no <c>numab_hook</c>, sleepable hook), bad path, or a non-leaf target without <c>hierarchical</c>.</summary>
    EINVAL,

    /// <summary>Registration without a bpf_link: the proposal supports link mode only.</summary>
    EOPNOTSUPP,
}
