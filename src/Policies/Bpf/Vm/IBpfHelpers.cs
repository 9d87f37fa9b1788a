namespace NumaActors.Policies.Bpf.Vm;

/// <summary>Serves <c>call imm</c> helper calls: r1..r5 in, r0 out; throws <see cref="BpfFault"/> on a bad argument.</summary>
public interface IBpfHelpers
{
    /// <summary>Whether helper <paramref name="id"/> exists (the load-time allowlist).</summary>
    bool IsAllowed(int id);

    ulong Call(int id, BpfMemory memory, ReadOnlySpan<ulong> args);
}
