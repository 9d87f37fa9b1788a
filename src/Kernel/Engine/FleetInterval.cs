using System.Collections.Immutable;
using NumaActors.Kernel.Observability;

namespace NumaActors.Kernel.Engine;

/// <summary>All servers' snapshots at the end of one reporting interval (t = 0 is the first).</summary>
public sealed record FleetInterval(long TimeMs, ImmutableArray<ServerSnapshot> Servers);
