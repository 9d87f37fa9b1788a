namespace NumaActors.Host.Import;

/// <summary>What the import did, for stderr, the scenario's comments and tests.</summary>
public sealed record OpenbImportSummary(
    int Nodes,
    int Pods,
    long WindowStart,
    long WindowEnd,
    double TimeScale,
    int PodsInWindow,
    int NeverScheduled,
    IReadOnlyList<PodPlacement> Unplaceable,
    int LeftOutByMaxServers,
    int Written,
    int ShorterThanTick,
    int StartsPastEnd,
    int Servers,
    int Classes,
    int Workloads,
    int TimelineEvents,
    long RegionSizeBytes);
