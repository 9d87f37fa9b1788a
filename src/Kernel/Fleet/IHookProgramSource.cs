using NumaActors.Kernel.Hooks;
using NumaActors.Kernel.Scenarios;

namespace NumaActors.Kernel.Fleet;

/// <summary>
/// Makes a fresh program instance for one cgroup on one server from a scenario policy and the
/// parameters in force. Implemented by src/Policies; the kernel layer only asks.
/// </summary>
public interface IHookProgramSource
{
    IHookProgram Create(PolicySpec policy, IReadOnlyDictionary<string, string> parameters, int serverId, ulong cgroupId, ulong seed);
}
