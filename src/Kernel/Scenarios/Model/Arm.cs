using System.Collections.Immutable;

namespace NumaActors.Kernel.Scenarios;

/// <summary>
/// One variant of the scenario. <see cref="Sysctl"/> applies over every class's knobs.
/// <see cref="PolicyNames"/> null (only the implicit <c>default</c> arm) applies every policy's attach;
/// otherwise exactly the listed policies are attached at the start (see <see cref="Scenario"/>).
/// <see cref="ParamOverrides"/> (set by an arm sweep) replaces some parameters of some policies in this
/// arm only, wherever the policy's program is made: at the start, at a timeline attach and at an update.
/// </summary>
public sealed record Arm(string Name, SysctlOverrides Sysctl, ImmutableArray<string>? PolicyNames)
{
    public const string DefaultName = "default";

    public static Arm Default { get; } = new(DefaultName, SysctlOverrides.None, null);

    /// <summary>Policy name → parameter name → value as written; empty unless the arm came from a sweep.</summary>
    public ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, string>> ParamOverrides { get; init; } =
        ImmutableSortedDictionary.Create<string, ImmutableSortedDictionary<string, string>>(StringComparer.Ordinal);

    /// <summary><paramref name="parameters"/> of policy <paramref name="policy"/> with this arm's overrides applied.</summary>
    public ImmutableSortedDictionary<string, string> ParamsOf(string policy, ImmutableSortedDictionary<string, string> parameters) =>
        ParamOverrides.TryGetValue(policy, out var overrides) ? parameters.SetItems(overrides) : parameters;
}
