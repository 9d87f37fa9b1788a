namespace NumaActors.Kernel.Fleet;

/// <summary>One workload instance on one server: its process id and its leaf cgroup path.</summary>
public sealed record InstancePlan(int WorkloadIndex, int Index, int Pid, string CgroupPath);
