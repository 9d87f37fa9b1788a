using NumaActors.Kernel.Hooks;
using NumaActors.Kernel.Knobs;

namespace NumaActors.Actors.Hooks;

/// <summary>
/// What a cgroup publishes to its tasks (RCU-style): the program that resolves for the cgroup now,
/// the global <c>numa_balancing</c> mode and whether any program is attached on the server (the
/// static key). Immutable; a task keeps the one it last received and calls the hook locally.
/// </summary>
public sealed record HookSnapshot(IHookProgram? Program, NumaBalancingMode Mode, bool AnyAttached)
{
    public static HookSnapshot None { get; } = new(null, NumaBalancingMode.Disabled, false);

    /// <summary>The snapshot for one cgroup under the server's gates as they are between ticks.</summary>
    public static HookSnapshot Of(NumabGates gates, ulong cgroupId) =>
        new(gates.Registry.Resolve(cgroupId), gates.Mode, gates.Registry.AttachedCount > 0);

    /// <summary>
    /// Whether the answer needs the program at all: with the global mode on, or no program attached
    /// anywhere, or none resolving for this cgroup, the helper answers without calling the hook, so
    /// the task has nothing to do (kernel-model.md §9.1).
    /// </summary>
    public bool NeedsHookCall => Mode == NumaBalancingMode.Disabled && AnyAttached && Program is not null;

    /// <summary>
    /// <c>task_numab_enabled(p)</c> from this snapshot, in the order of <see cref="NumabGates.TaskNumabEnabled"/>:
    /// global mode non-zero → true (hook never consulted); nothing attached → false; else the program's <c>numab_hook</c>.
    /// </summary>
    public bool Decide(in HookTaskContext task)
    {
        if (Mode != NumaBalancingMode.Disabled) return true;
        if (!AnyAttached) return false;
        return Program is not null && Program.NumabHook(in task);
    }
}
