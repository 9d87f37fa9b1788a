namespace NumaActors.Kernel.Hooks;

/// <summary>
/// How a cgroup without a program of its own finds one (scenario key <c>hook_resolution</c>):
/// <see cref="Leaf"/> as in the proposal (only the task's own memcg is read), <see cref="Nearest"/>
/// as its author later agreed (walk up to the nearest ancestor with a program), <see cref="Topmost"/>
/// as its reviewer argued (the topmost ancestor with a program overrides those below it).
/// </summary>
public enum HookResolution
{
    Leaf,
    Nearest,
    Topmost,
}
