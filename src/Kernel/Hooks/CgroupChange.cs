namespace NumaActors.Kernel.Hooks;

/// <summary>What happened to a cgroup of a <see cref="CgroupTree"/>; observers (the hook registry) re-resolve on each.</summary>
public enum CgroupChange
{
    Created,
    Removed,
}
