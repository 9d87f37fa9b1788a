namespace NumaActors.Kernel.Scenarios;

/// <summary>
/// What loading a policy's object file (kind <c>bpf</c>) with its parameters said: errors refuse
/// the scenario, warnings (e.g. an embedded cgroup id that the attach overrides) are shown.
/// </summary>
public sealed record PolicyObjectCheck(IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    public static PolicyObjectCheck Ok { get; } = new([], []);
}
