using Akka.Actor;
using NumaActors.Kernel.Model;
using static NumaActors.Actors.Messages.MigrationProtocol;

namespace NumaActors.Actors.Actors;

/// <summary>
/// One NUMA node of a server: owns its <see cref="NodeModel"/> (free pages, watermarks, promotion
/// rate limit and threshold). In phase B it applies last tick's page transfers and resolves every
/// migration request of the tick aimed at it; the model sorts them by (task id, region, seq) before
/// deciding, so arrival order never matters (kernel-model.md §5).
/// </summary>
public sealed class NodeActor : ReceiveActor
{
    public NodeActor(NodeModel node)
    {
        Receive<ResolveMigrations>(m =>
            Sender.Tell(new MigrationsResolved(m.Tick, node.Id, node.RunPhaseB(m.Context, m.Transfers, m.RequestsByProcess))));
    }

    public static Props Props(NodeModel node, string? dispatcher) => Akka.Actor.Props.Create(() => new NodeActor(node)).On(dispatcher);
}
