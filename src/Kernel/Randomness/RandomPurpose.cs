namespace NumaActors.Kernel.Randomness;

/// <summary>What a random stream is for; part of its seed so that streams never overlap.</summary>
public enum RandomPurpose : ulong
{
    HintFaults = 1,
    FaultAttribution = 2,
    PageBuckets = 3,
    Latency = 4,
    Demotion = 5,

    /// <summary>A hook program's own stream (a BPF program's <c>bpf_get_prandom_u32</c>).</summary>
    HookProgram = 6,
}
