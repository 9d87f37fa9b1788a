namespace NumaActors.Policies;

/// <summary>
/// A policy's parameters after validation, defaults filled in: what a program creator reads.
/// Typed getters return null for a parameter that was neither given nor defaulted.
/// </summary>
public sealed class PolicyParams
{
    private readonly IReadOnlyDictionary<string, PolicyParamValue> values;

    public PolicyParams(string kind, IReadOnlyDictionary<string, PolicyParamValue> values, IReadOnlyDictionary<string, string> raw)
    {
        Kind = kind;
        this.values = values;
        Raw = raw;
    }

    public string Kind { get; }

    /// <summary>The parameters exactly as the scenario wrote them (open kinds such as <c>bpf</c> read these).</summary>
    public IReadOnlyDictionary<string, string> Raw { get; }

    public bool Has(string name) => values.ContainsKey(name);

    public bool? Bool(string name) => values.TryGetValue(name, out var v) ? v.Flag : null;

    /// <summary>A duration parameter in milliseconds.</summary>
    public uint? Milliseconds(string name) => values.TryGetValue(name, out var v) ? checked((uint)v.Number) : null;

    /// <summary>A size parameter in MiB.</summary>
    public uint? Mebibytes(string name) => values.TryGetValue(name, out var v) ? checked((uint)v.Number) : null;

    /// <summary>A rate parameter in 4 KiB pages per second.</summary>
    public double? PagesPerSecond(string name) => values.TryGetValue(name, out var v) ? v.Number : null;

    public string? Text(string name) => values.TryGetValue(name, out var v) ? v.Text : null;
}
