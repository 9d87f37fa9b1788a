namespace NumaActors.Kernel.Hooks;

/// <summary>
/// What a hook program sees of the task it decides for (the simulator's view of <c>task_struct</c>
/// and its mm/memcg). A value type so that calling the hook allocates nothing.
/// </summary>
public readonly record struct HookTaskContext(
    int Pid,
    int Tgid,
    ulong CgroupId,
    int Node,
    int PreferredNode,
    long NowNs,
    long NumaFaultsLocal,
    long NumaFaultsRemote,
    long NumaPagesMigrated,
    long ResidentPages);
