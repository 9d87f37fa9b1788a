using NumaActors.Kernel.Knobs;
using NumaActors.Topology;

namespace NumaActors.Kernel.Scenarios;

/// <summary>
/// A group of identical servers: its machine (from <c>preset</c>, <c>file</c> or inline <c>nodes</c>),
/// its knobs (the class's <c>sysctl</c> applied over the kernel defaults, kernel-model.md §1) and
/// optional cost overrides.
/// </summary>
public sealed record ServerClass(string Name, int Count, Machine Machine, NumaBalancingKnobs Knobs, ClassCosts Costs);
