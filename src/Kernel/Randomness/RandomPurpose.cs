namespace NumaActors.Kernel.Randomness;

/// <summary>What a random stream is for; part of its seed so that streams never overlap.</summary>
public enum RandomPurpose : ulong
{
    HintFaults = 1,
    FaultAttribution = 2,
    PageBuckets = 3,
    Latency = 4,
    Demotion = 5,
}
