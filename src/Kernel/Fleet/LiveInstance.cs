namespace NumaActors.Kernel.Fleet;

/// <summary>A workload instance running on a server now: its process and its leaf cgroup.</summary>
public sealed record LiveInstance(int WorkloadIndex, int Index, int Pid, ulong CgroupId);
