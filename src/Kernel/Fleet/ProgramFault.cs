namespace NumaActors.Kernel.Fleet;

/// <summary>
/// A hook program that faulted at run time on one server and was detached from its cgroup at
/// <see cref="AtMs"/> (the start of the tick after the fault): which policy, which workload's
/// cgroup, and the program's own account of the fault.
/// </summary>
public sealed record ProgramFault(long AtMs, string Policy, string Workload, ulong CgroupId, string Message);
