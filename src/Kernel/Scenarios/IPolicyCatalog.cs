namespace NumaActors.Kernel.Scenarios;

/// <summary>A parameter problem, naming the parameter so the user can find it.</summary>
public readonly record struct PolicyParamError(string Param, string Message);

/// <summary>
/// The policy kinds a scenario may name and the rules of their parameters. Implemented in
/// src/Policies; scenario validation receives it so that the kernel layer does not depend on policies.
/// Parameter values are the YAML scalars as written (e.g. "500ms", "true", "512MiB").
/// </summary>
public interface IPolicyCatalog
{
    IReadOnlyCollection<string> Kinds { get; }

    IReadOnlyList<PolicyParamError> ValidateParams(string kind, IReadOnlyDictionary<string, string> parameters);

    /// <summary>
    /// Loads a policy's object file (resolved path) with its parameters, as a run would, so that a
    /// refused object is a scenario error. Kinds without objects have nothing to check.
    /// </summary>
    PolicyObjectCheck CheckObject(string kind, string path, IReadOnlyDictionary<string, string> parameters) => PolicyObjectCheck.Ok;

    /// <summary>The parameters a kind takes, or null when it accepts any name (kind bpf: the object's own variables).</summary>
    IReadOnlyCollection<string>? ParamNames(string kind);
}
