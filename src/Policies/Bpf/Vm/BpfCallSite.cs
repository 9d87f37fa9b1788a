namespace NumaActors.Policies.Bpf.Vm;

/// <summary>Who a call is made for: the values the task-related helpers return (README §2.6).</summary>
public readonly record struct BpfCallSite(long NowNs, int Pid, int Tgid, ulong CgroupId, int Node, int Cpu);
