namespace NumaActors.Policies.Bpf.Vm;

/// <summary>A run-time fault of a program: the call stops and the policy is reported as faulted.</summary>
internal sealed class BpfFault(string message) : Exception(message);
