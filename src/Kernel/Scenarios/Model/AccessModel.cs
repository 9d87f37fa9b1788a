namespace NumaActors.Kernel.Scenarios;

/// <summary>
/// The access model of a workload: page-grain touches per second per task, their spread
/// (<see cref="Skew"/> is the zipf exponent, or the hot fraction of memory for hotset; unused for uniform),
/// and the fraction of memory every task of the instance touches.
/// </summary>
public sealed record AccessModel(double RatePerSecond, AccessPattern Pattern, double Skew, double Shared)
{
    /// <summary>Default zipf exponent when <c>skew</c> is not given.</summary>
    public const double DefaultZipfSkew = 0.99;

    /// <summary>Default hot fraction of memory for <c>hotset</c> when <c>skew</c> is not given.</summary>
    public const double DefaultHotsetFraction = 0.1;
}
