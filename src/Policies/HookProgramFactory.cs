using NumaActors.Kernel.Hooks;
using NumaActors.Kernel.Scenarios;
using NumaActors.Policies.Bpf.Hooks;
using NumaActors.Policies.Programs;

namespace NumaActors.Policies;

/// <summary>
/// Creates hook program instances from a scenario's (kind, params). Every call returns a new
/// instance: a program's state belongs to one cgroup on one server and is never shared.
/// Kinds are registered (<see cref="Register"/>), so new kinds (the BPF kind) plug in without
/// editing this class; parameters are checked against the <see cref="PolicyCatalog"/>.
/// </summary>
public sealed class HookProgramFactory
{
    private readonly Dictionary<string, HookProgramCreator> creators = new(StringComparer.Ordinal);

    public HookProgramFactory(PolicyCatalog catalog)
    {
        Catalog = catalog;
    }

    /// <summary>A factory for <paramref name="catalog"/> (the built-in catalog by default) with the creators of never, always, static, adaptive-hot-threshold and bpf.</summary>
    public static HookProgramFactory CreateBuiltin(PolicyCatalog? catalog = null)
    {
        var factory = new HookProgramFactory(catalog ?? PolicyCatalog.CreateBuiltin());
        factory.Register(PolicyKinds.Never, static (_, t) => new NeverProgram(t.PolicyName));
        factory.Register(PolicyKinds.Always, static (_, t) => new AlwaysProgram(t.PolicyName));
        factory.Register(PolicyKinds.Static, static (p, t) => new StaticProgram(t.PolicyName, p.Bool("enabled") ?? true, new NumabOverrides
        {
            HotThresholdMs = p.Milliseconds("hot_threshold") ?? 0,
            ScanSizeMb = p.Mebibytes("scan_size"),
            ScanPeriodMinMs = p.Milliseconds("scan_period_min"),
            ScanPeriodMaxMs = p.Milliseconds("scan_period_max"),
            ScanDelayMs = p.Milliseconds("scan_delay"),
        }));
        factory.Register(PolicyKinds.AdaptiveHotThreshold, static (p, t) => new AdaptiveHotThresholdProgram(t.PolicyName, new AdaptiveHotThresholdSettings(
            p.PagesPerSecond("budget")!.Value,
            p.Milliseconds("min_threshold")!.Value,
            p.Milliseconds("max_threshold")!.Value,
            p.Milliseconds("initial_threshold")!.Value,
            p.Milliseconds("step")!.Value)));
        if (factory.Catalog.Find(PolicyKinds.Bpf) is not null) factory.Register(PolicyKinds.Bpf, BpfPolicyKind.Create);
        return factory;
    }

    public PolicyCatalog Catalog { get; }

    /// <summary>Add or replace the creator of a kind; the kind must be in the catalog (register its spec first).</summary>
    public void Register(string kind, HookProgramCreator creator)
    {
        ArgumentNullException.ThrowIfNull(creator);
        if (Catalog.Find(kind) is null)
            throw new ArgumentException($"kind '{kind}' is not in the policy catalog; register its parameter spec first", nameof(kind));
        creators[kind] = creator;
    }

    public bool CanCreate(string kind) => creators.ContainsKey(kind);

    /// <summary>
    /// Validate the parameters and create a fresh instance. False with the errors (each naming a
    /// parameter, or "kind") when the kind is unknown, has no creator, or a parameter is wrong.
    /// </summary>
    public bool TryCreate(string kind, IReadOnlyDictionary<string, string> parameters, HookProgramTarget target,
        out IHookProgram? program, out IReadOnlyList<PolicyParamError> errors)
    {
        ArgumentNullException.ThrowIfNull(target);
        program = null;
        if (!Catalog.TryParse(kind, parameters, out var parsed, out errors)) return false;
        if (!creators.TryGetValue(kind, out var creator))
        {
            errors = [new PolicyParamError("kind", $"policy kind '{kind}' is listed but this build has no program for it")];
            return false;
        }
        program = creator(parsed!, target);
        return true;
    }

    /// <summary>Create from parameters already validated; throws <see cref="ArgumentException"/> with the errors otherwise (a caller bug).</summary>
    public IHookProgram Create(string kind, IReadOnlyDictionary<string, string> parameters, HookProgramTarget target)
    {
        if (TryCreate(kind, parameters, target, out var program, out var errors)) return program!;
        throw new ArgumentException($"cannot create a '{kind}' program: " +
            string.Join("; ", errors.Select(e => $"{e.Param}: {e.Message}")), nameof(parameters));
    }
}
