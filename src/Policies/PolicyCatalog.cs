using NumaActors.Kernel.Scenarios;

namespace NumaActors.Policies;

/// <summary>
/// Every policy kind a scenario may name, with its parameters' types, ranges and defaults
/// (<see cref="BuiltinPolicyKinds"/>). Validation returns every problem at once, each naming the
/// parameter and what is allowed; it never throws on bad input. Kinds can be added or replaced
/// (<see cref="Register"/>) so that the BPF kind can bring its own rules.
/// </summary>
public sealed class PolicyCatalog : IPolicyCatalog
{
    private readonly SortedDictionary<string, PolicyKindSpec> kinds = new(StringComparer.Ordinal);

    public PolicyCatalog(IEnumerable<PolicyKindSpec> specs)
    {
        foreach (var spec in specs) Register(spec);
    }

    /// <summary>The built-in kinds: never, always, static, adaptive-hot-threshold, and bpf (open parameters).</summary>
    public static PolicyCatalog CreateBuiltin() => new(BuiltinPolicyKinds.All);

    /// <summary>Kind names in ordinal order.</summary>
    public IReadOnlyCollection<string> Kinds => kinds.Keys.ToArray();

    public IReadOnlyCollection<PolicyKindSpec> Specs => kinds.Values.ToArray();

    /// <summary>Add a kind, or replace the spec of one already listed.</summary>
    public void Register(PolicyKindSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        kinds[spec.Kind] = spec;
    }

    public PolicyKindSpec? Find(string kind) => kinds.GetValueOrDefault(kind);

    public IReadOnlyCollection<string>? ParamNames(string kind) =>
        Find(kind) is { } spec && !spec.OpenParams ? spec.Params.Select(p => p.Name).ToArray() : null;

    public IReadOnlyList<PolicyParamError> ValidateParams(string kind, IReadOnlyDictionary<string, string> parameters)
    {
        TryParse(kind, parameters, out _, out var errors);
        return errors;
    }

    public PolicyObjectCheck CheckObject(string kind, string path, IReadOnlyDictionary<string, string> parameters) =>
        Find(kind)?.CheckObject is { } check ? check(path, parameters ?? new Dictionary<string, string>()) : PolicyObjectCheck.Ok;

    /// <summary>Validate and read the parameters, defaults filled in. False with every error when any is wrong.</summary>
    public bool TryParse(string kind, IReadOnlyDictionary<string, string> parameters, out PolicyParams? parsed, out IReadOnlyList<PolicyParamError> errors)
    {
        parsed = null;
        var problems = new List<PolicyParamError>();
        if (kind is null || !kinds.TryGetValue(kind, out var spec))
        {
            problems.Add(new("kind", $"unknown policy kind '{kind}'; known kinds: {string.Join(", ", kinds.Keys)}"));
            errors = problems;
            return false;
        }
        parameters ??= new Dictionary<string, string>();

        var values = new Dictionary<string, PolicyParamValue>(StringComparer.Ordinal);
        var failed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in parameters.Keys.Order(StringComparer.Ordinal))
        {
            var param = spec.Find(name);
            if (param is null)
            {
                if (spec.OpenParams) { values[name] = new(PolicyParamType.Text, 0, false, parameters[name]); continue; }
                problems.Add(new(name, spec.Params.Count == 0
                    ? $"unknown parameter for kind {kind}, which takes no parameters"
                    : $"unknown parameter for kind {kind}; allowed: {string.Join(", ", spec.Params.Select(p => p.Name))}"));
                continue;
            }
            if (PolicyParamParser.TryParse(param, parameters[name], out var value, out var error)) values[name] = value;
            else
            {
                failed.Add(name);
                problems.Add(new(name, error));
            }
        }

        foreach (var param in spec.Params)
        {
            if (values.ContainsKey(param.Name) || failed.Contains(param.Name) || param.Default is null) continue;
            if (!PolicyParamParser.TryParse(param, param.Default, out var value, out var error))
                throw new InvalidOperationException($"default '{param.Default}' of {kind}.{param.Name} is invalid: {error}");
            values[param.Name] = value;
        }

        foreach (var order in spec.Orders)
        {
            if (!values.TryGetValue(order.Lower, out var lower) || !values.TryGetValue(order.Upper, out var upper)) continue;
            if (lower.Number > upper.Number)
                problems.Add(new(order.Blame, $"{order.Lower} ({lower.Text}) must not exceed {order.Upper} ({upper.Text})"));
        }

        errors = problems;
        if (problems.Count > 0) return false;
        parsed = new PolicyParams(kind, values, new Dictionary<string, string>(parameters, StringComparer.Ordinal));
        return true;
    }
}
