namespace NumaActors.Kernel.Reporting;

/// <summary>The whole result of a run (CONTRACT.md §3).</summary>
public sealed record SimulationReport(
    string Scenario,
    ulong Seed,
    double SimulatedSeconds,
    EngineInfo Engine,
    IReadOnlyList<ArmReport> Arms)
{
    public const int Schema = 1;
}
