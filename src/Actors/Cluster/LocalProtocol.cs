namespace NumaActors.Actors.Cluster;

/// <summary>Messages that stay inside one member (never serialized).</summary>
public static class LocalProtocol
{
    /// <summary>A server entity asks its member for the loaded scenario.</summary>
    public sealed record GetFleetRun
    {
        public static GetFleetRun Instance { get; } = new();
    }

    public sealed record FleetRunReady(FleetRun Run);

    /// <summary>Sharding's hand-off/passivation stop: an entity mid-epoch finishes the epoch first.</summary>
    public sealed record StopServerEntity
    {
        public static StopServerEntity Instance { get; } = new();
    }
}
