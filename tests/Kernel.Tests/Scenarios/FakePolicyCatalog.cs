using NumaActors.Kernel.Scenarios;
using NumaActors.Topology.Units;

namespace NumaActors.Kernel.Tests.Scenarios;

/// <summary>A small stand-in for src/Policies' catalog: the five kinds and a few parameter rules.</summary>
internal sealed class FakePolicyCatalog : IPolicyCatalog
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["never"] = [],
        ["always"] = ["hot_threshold"],
        ["static"] = ["enabled", "hot_threshold", "scan_size"],
        ["adaptive-hot-threshold"] = ["initial", "target_rate"],
        ["bpf"] = [],
    };

    public static FakePolicyCatalog Instance { get; } = new();

    public IReadOnlyCollection<string> Kinds => Allowed.Keys;

    public IReadOnlyCollection<string>? ParamNames(string kind) => kind == "bpf" ? null : Allowed[kind];

    public IReadOnlyList<PolicyParamError> ValidateParams(string kind, IReadOnlyDictionary<string, string> parameters)
    {
        // Like the real bpf kind: its parameters are the object's .rodata variables, any name.
        if (kind == "bpf") return [];
        var errors = new List<PolicyParamError>();
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!Allowed[kind].Contains(name))
                errors.Add(new(name, $"unknown parameter for kind {kind}"));
            else if (name == "enabled" && value is not ("true" or "false"))
                errors.Add(new(name, $"'{value}' is not a boolean; expected true or false"));
            else if (name is "hot_threshold" or "initial" && !Units.TryParseDuration(value, out _, out var e))
                errors.Add(new(name, e));
        }
        return errors;
    }
}
