namespace NumaActors.Host.Commands;

/// <summary>What <c>run</c> was asked to do, after parsing (CONTRACT.md §1). Budgets: see <see cref="Kernel.Decisions.DecisionBudget"/>.</summary>
public sealed record RunOptions(
    string? ScenarioPath,
    string? OutDirectory,
    ulong? Seed,
    TimeSpan? Duration,
    string Engine,
    string? Arm)
{
    public double CpuBudget { get; init; } = Kernel.Decisions.DecisionBudget.DefaultCpuShare;

    public double StallBudgetMs { get; init; } = Kernel.Decisions.DecisionBudget.DefaultStallMsP99;

    /// <summary>Serve Prometheus metrics on http://localhost:PORT/metrics while the run lasts; null: none.</summary>
    public int? MetricsPort { get; init; }

    /// <summary>Actor engine: servers simulated at once; null: its default (4 per processor).</summary>
    public int? ServersInFlight { get; init; }
}
