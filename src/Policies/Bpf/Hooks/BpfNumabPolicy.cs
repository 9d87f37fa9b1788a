using NumaActors.Policies.Bpf.Loading;
using NumaActors.Policies.Bpf.Vm;

namespace NumaActors.Policies.Bpf.Hooks;

/// <summary>
/// A loaded object that is a valid NUMA balancing policy: its <c>bpf_numab_ops</c> registration
/// (link mode, non-NULL, non-sleepable <c>numab_hook</c>) and the linked hook program.
/// <see cref="Warnings"/> include the object's own cgroup id, which the scenario's attach overrides.
/// </summary>
public sealed record BpfNumabPolicy(BpfObject Object, BpfStructOps Ops, BpfProgram Hook, IReadOnlyList<string> Warnings);
