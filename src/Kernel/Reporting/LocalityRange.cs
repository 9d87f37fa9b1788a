namespace NumaActors.Kernel.Reporting;

/// <summary>Local access ratio over the first interval, the last interval and the whole run.</summary>
public sealed record LocalityRange(double Start, double End, double Mean);
