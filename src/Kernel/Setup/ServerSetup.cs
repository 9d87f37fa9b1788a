using System.Collections.Immutable;
using NumaActors.Kernel.Knobs;
using NumaActors.Topology;

namespace NumaActors.Kernel.Setup;

/// <summary>
/// Everything one simulated server starts from. <see cref="TickMs"/> is the simulation step
/// (DESIGN.md: default 100 ms); <see cref="RegionSizeBytes"/> the page-region grain (default 2 MiB).
/// <see cref="FaultGrainPages"/> is how many base pages one simulated hinting fault stands for
/// (1: every base-page fault is simulated, as the kernel takes them; N: the model draws one fault
/// per N marked pages of a node and accounts it as N faults, for speed; docs/MODEL.md).
/// </summary>
public sealed record ServerSetup(
    int ServerId,
    Machine Machine,
    NumaBalancingKnobs Knobs,
    ImmutableArray<ProcessSetup> Processes,
    ulong Seed = 0,
    CostModel? Costs = null,
    long RegionSizeBytes = 2L << 20,
    int TickMs = 100,
    int FaultGrainPages = 1)
{
    public CostModel CostModel => Costs ?? CostModel.Default;
}
