namespace NumaActors.Policies.Bpf.Vm;

/// <summary>
/// What the simulator lends a program instance: the seed of its deterministic random stream
/// (derive it from seed, server id, cgroup id and purpose), the sink of <c>bpf_printk</c> lines
/// (the run's event log), and the per-call instruction budget (README §6 rule 8).
/// </summary>
public sealed record BpfHostServices(ulong RandomSeed, Action<string>? Trace = null, long InstructionBudget = BpfHostServices.DefaultBudget)
{
    public const long DefaultBudget = 1_000_000;
}
