namespace NumaActors.Host.Bench;

/// <summary>For one fleet size: actor throughput over sequential throughput, and whether both gave the same results.</summary>
public sealed record BenchRatio(int Servers, double ActorsOverSequential, bool Identical);
