namespace NumaActors.Policies.Bpf.Vm;

/// <summary>
/// The outcome of one program call: r0 (only its low 32 bits are defined for an <c>int</c>
/// return, README §2.3), the instructions executed, and the fault if the call stopped.
/// </summary>
public readonly record struct BpfRunResult(ulong R0, long Instructions, string? Fault)
{
    public bool Faulted => Fault is not null;

    public int ReturnValue => (int)(uint)R0;
}
