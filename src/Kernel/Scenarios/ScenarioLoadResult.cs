namespace NumaActors.Kernel.Scenarios;

/// <summary>A loaded scenario, or null when any diagnostic is an error; diagnostics are in file order.</summary>
public sealed record ScenarioLoadResult(Scenario? Scenario, IReadOnlyList<ScenarioDiagnostic> Diagnostics)
{
    public bool Succeeded => Scenario is not null;
}
