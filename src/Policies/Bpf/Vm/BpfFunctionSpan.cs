namespace NumaActors.Policies.Bpf.Vm;

/// <summary>One function inside a linked program: its name and insn range [Start, Start+Length).</summary>
public sealed record BpfFunctionSpan(string Name, int Start, int Length);
