using System.Collections.Immutable;

namespace NumaActors.Kernel.Phases;

/// <summary>What one node hands on after phase B: results per request, a demotion demand (if kswapd woke) and its view.</summary>
public sealed record NodePhaseBOutput(ImmutableArray<MigrationResult> Results, DemotionDemand? Demotion, NodeView View);
