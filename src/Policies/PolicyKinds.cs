namespace NumaActors.Policies;

/// <summary>The policy kinds a scenario may name (CONTRACT.md §2, <c>policies[].kind</c>).</summary>
public static class PolicyKinds
{
    public const string Never = "never";
    public const string Always = "always";
    public const string Static = "static";
    public const string AdaptiveHotThreshold = "adaptive-hot-threshold";
    public const string Bpf = "bpf";
}
