namespace NumaActors.Kernel.Hooks;

/// <summary>
/// How an attach or update reaches the registry (kernel-model.md §9.2).
/// <see cref="ViaLink"/>: the proposal registers through a bpf_link only; false models a plain
/// struct_ops map registration, which it refuses with EOPNOTSUPP.
/// <see cref="Hierarchical"/>: the scenario's <c>attach: { hierarchical: true }</c>; without it
/// a cgroup with children is refused, because leaf-only is the proposal's design rule.
/// </summary>
public sealed record HookAttachOptions
{
    public bool ViaLink { get; init; } = true;

    public bool Hierarchical { get; init; }

    /// <summary>Link mode, leaf cgroups only: the proposal's normal attach.</summary>
    public static HookAttachOptions Default { get; } = new();

    /// <summary>Link mode, any cgroup.</summary>
    public static HookAttachOptions HierarchicalLink { get; } = new() { Hierarchical = true };
}
