namespace NumaActors.Policies;

/// <summary>
/// One parameter of a policy kind: its name as written in the scenario, how it is read, its
/// default (as the YAML would write it; null = absent unless given, e.g. "use the sysctl") and its
/// inclusive range in the type's unit (ms, MiB or pages/s).
/// </summary>
public sealed record PolicyParamSpec(string Name, PolicyParamType Type, string Description)
{
    public string? Default { get; init; }

    public double Min { get; init; }

    public double Max { get; init; } = double.MaxValue;

    /// <summary>What a valid value looks like, for error messages and <c>presets</c>-style listings.</summary>
    public string Allowed => Type switch
    {
        PolicyParamType.Bool => "true or false",
        PolicyParamType.Duration => $"a duration in whole milliseconds from {Min}ms to {Max}ms (e.g. 500ms, 2s)",
        PolicyParamType.Size => $"a size in whole MiB from {Min}MiB to {Max}MiB (e.g. 256MiB, 1GiB)",
        PolicyParamType.PageRate => $"a rate from {Min} to {Max} pages/s, as COUNT/s in 4 KiB pages or SIZE/s (e.g. 16384/s, 64MiB/s)",
        _ => "any text",
    };
}
