using System.Collections.Immutable;

namespace NumaActors.Kernel.Scenarios;

/// <summary>
/// One variant of the scenario. <see cref="Sysctl"/> applies over every class's knobs.
/// <see cref="PolicyNames"/> null (only the implicit <c>default</c> arm) applies every policy's attach;
/// otherwise exactly the listed policies are attached at the start (see <see cref="Scenario"/>).
/// </summary>
public sealed record Arm(string Name, SysctlOverrides Sysctl, ImmutableArray<string>? PolicyNames)
{
    public const string DefaultName = "default";

    public static Arm Default { get; } = new(DefaultName, SysctlOverrides.None, null);
}
