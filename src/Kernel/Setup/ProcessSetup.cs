using System.Collections.Immutable;

namespace NumaActors.Kernel.Setup;

/// <summary>
/// One process: one address space (mm) charged to one leaf cgroup, with <see cref="Tasks"/>
/// threads. <see cref="CpusetNodes"/> limits where its tasks run and its memory lives (null = all
/// nodes); <see cref="PinNodes"/> pins task i to node PinNodes[i mod length] (sched_setaffinity).
/// <see cref="CpuUtilization"/> is the share of wall time each task runs (drives the scanner, §2.1).
/// </summary>
public sealed record ProcessSetup(
    int Pid,
    ulong CgroupId,
    int Tasks,
    long MemoryBytes,
    AccessModel Access,
    InitialPlacement Placement = default,
    ImmutableArray<int>? CpusetNodes = null,
    ImmutableArray<int>? PinNodes = null,
    bool LatencySensitive = false,
    double CpuUtilization = 1.0,
    bool TransparentHugePages = false,
    string Name = "");
