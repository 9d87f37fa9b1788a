using System.Collections.Immutable;
using NumaActors.Kernel.Hooks;
using NumaActors.Kernel.Knobs;
using NumaActors.Kernel.Model;
using NumaActors.Kernel.Setup;
using NumaActors.Topology;

namespace NumaActors.Kernel.Tests.Support;

internal static class Sim
{
    public const long MiB = 1L << 20;
    public const long GiB = 1L << 30;

    /// <summary>A server of <paramref name="processes"/>; each simulated hinting fault stands for up to <paramref name="faultGrainPages"/> base pages.</summary>
    public static ServerModel Server(Machine machine, INumabGates gates, NumaBalancingKnobs? knobs = null, ulong seed = 1, int faultGrainPages = 1,
        params ProcessSetup[] processes) =>
        new(new ServerSetup(0, machine, knobs ?? NumaBalancingKnobs.KernelDefaults, [.. processes], seed, FaultGrainPages: faultGrainPages), gates);

    public static ProcessSetup Process(int pid, long memory, InitialPlacement placement, int tasks = 1, int[]? pin = null,
        double rate = 10_000_000, double shared = 0, ulong cgroup = 0, AccessPattern pattern = AccessPattern.Uniform, double skew = 0) =>
        new(pid, cgroup == 0 ? (ulong)pid : cgroup, tasks, memory, new AccessModel(rate, pattern, skew, shared), placement,
            PinNodes: pin is null ? null : ImmutableArray.Create(pin));
}
