namespace NumaActors.Kernel.Scenarios;

/// <summary>A phase change of a workload's access model: only the fields given change.</summary>
public sealed record AccessChange(double? RatePerSecond = null, AccessPattern? Pattern = null, double? Skew = null, double? Shared = null)
{
    public AccessModel ApplyTo(AccessModel access) => new(
        RatePerSecond ?? access.RatePerSecond,
        Pattern ?? access.Pattern,
        Skew ?? access.Skew,
        Shared ?? access.Shared);
}
