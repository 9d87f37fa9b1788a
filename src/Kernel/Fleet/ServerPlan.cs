using System.Collections.Immutable;
using NumaActors.Kernel.Scenarios;

namespace NumaActors.Kernel.Fleet;

/// <summary>One server of the fleet: its global id, its class and the workload instances it starts with.</summary>
public sealed record ServerPlan(int ServerId, ServerClass Class, int IndexInClass, ImmutableArray<InstancePlan> Instances);
