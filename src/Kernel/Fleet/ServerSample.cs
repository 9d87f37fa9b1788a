using System.Collections.Immutable;
using NumaActors.Kernel.Observability;

namespace NumaActors.Kernel.Fleet;

/// <summary>
/// What one server reports for one time-series row: figures per workload (index = scenario order)
/// and the server's cumulative vmstat. Workload vmstat includes instances already scaled away.
/// </summary>
public sealed record ServerSample(int ServerId, int Row, ImmutableArray<IntervalFigures?> Workloads, VmStatCounters ServerVmstat);
