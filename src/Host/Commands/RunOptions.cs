namespace NumaActors.Host.Commands;

/// <summary>What <c>run</c> was asked to do, after parsing (CONTRACT.md §1).</summary>
public sealed record RunOptions(
    string? ScenarioPath,
    string? OutDirectory,
    ulong? Seed,
    TimeSpan? Duration,
    string Engine,
    string? Arm);
