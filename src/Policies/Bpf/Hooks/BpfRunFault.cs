namespace NumaActors.Policies.Bpf.Hooks;

/// <summary>
/// A run-time fault of a hook program (bad access, budget exhausted, poisoned CO-RE insn): a
/// kernel-verified program could not have done this, so the cgroup detaches it and reports it.
/// </summary>
public sealed record BpfRunFault(string Policy, ulong CgroupId, int Pid, long NowNs, string Message)
{
    public override string ToString() =>
        $"BPF policy '{Policy}' faulted at {NowNs} ns on pid {Pid} of cgroup {CgroupId}: {Message} (the kernel verifier would have rejected this program)";
}
