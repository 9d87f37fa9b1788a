namespace NumaActors.Kernel.Scenarios;

/// <summary>
/// Per-class overrides of the cost model (DESIGN.md, cost model), from the class key <c>costs:</c>.
/// Null means the engine's default. Durations have TimeSpan's 100 ns resolution.
/// </summary>
public sealed record ClassCosts(TimeSpan? PteUpdate = null, TimeSpan? HintFault = null, TimeSpan? MigratePage = null)
{
    public static ClassCosts None { get; } = new();
}
