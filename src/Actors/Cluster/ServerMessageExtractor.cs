using Akka.Cluster.Sharding;
using static NumaActors.Actors.Messages.ClusterProtocol;

namespace NumaActors.Actors.Cluster;

/// <summary>
/// Server slots to entities and shards. The shard is a MurmurHash of the entity id (stable across
/// processes, unlike string.GetHashCode). The shard count must never change while a cluster lives.
/// </summary>
public sealed class ServerMessageExtractor() : HashCodeMessageExtractor(Shards)
{
    /// <summary>About ten per member for clusters of up to six or so members.</summary>
    public const int Shards = 64;

    public static string EntityIdOf(int slot) => $"slot-{slot}";

    public static int SlotOf(string entityId) => int.Parse(entityId.AsSpan("slot-".Length));

    public override string? EntityId(object message) => message switch
    {
        RunServerEpoch m => EntityIdOf(m.Slot),
        _ => null,
    };
}
