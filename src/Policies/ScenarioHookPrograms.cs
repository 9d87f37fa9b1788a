using NumaActors.Kernel.Fleet;
using NumaActors.Kernel.Hooks;
using NumaActors.Kernel.Scenarios;

namespace NumaActors.Policies;

/// <summary>The fleet's source of hook programs: a fresh instance per (server, cgroup) from the factory.</summary>
public sealed class ScenarioHookPrograms(HookProgramFactory factory) : IHookProgramSource
{
    public static ScenarioHookPrograms Builtin() => new(HookProgramFactory.CreateBuiltin());

    public IHookProgram Create(PolicySpec policy, IReadOnlyDictionary<string, string> parameters, int serverId, ulong cgroupId, ulong seed) =>
        factory.Create(policy.Kind, parameters, new HookProgramTarget(policy.Name, serverId, cgroupId) { Seed = seed, ObjectPath = policy.ObjectPath });
}
