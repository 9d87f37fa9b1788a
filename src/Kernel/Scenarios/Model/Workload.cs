using System.Collections.Immutable;

namespace NumaActors.Kernel.Scenarios;

/// <summary>
/// A process type placed on servers of one class. Each instance is one leaf cgroup
/// (<see cref="CgroupTemplate"/> plus the instance index) holding <see cref="Tasks"/> threads that share
/// one address space of <see cref="MemoryBytes"/>. Exactly one of <see cref="PerServer"/> (instances on
/// every server of the class) and <see cref="Servers"/> (one instance on each of that many servers of the
/// class) is set.
/// </summary>
public sealed record Workload(
    string Name,
    string Class,
    int? PerServer,
    int? Servers,
    string CgroupTemplate,
    int Tasks,
    long MemoryBytes,
    ImmutableArray<int>? Cpuset,
    ImmutableArray<int>? Pin,
    InitialMemory InitialMemory,
    AccessModel Access,
    bool LatencySensitive)
{
    public static string DefaultCgroup(string name) => $"/workloads/{name}";
}
