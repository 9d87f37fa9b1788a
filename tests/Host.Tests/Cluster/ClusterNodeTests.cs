using Akka.Actor;
using Microsoft.Extensions.DependencyInjection;
using NumaActors.Actors.Cluster;
using NumaActors.Actors.Engine;
using NumaActors.Actors.Messages;
using NumaActors.Host.Cluster;
using NumaActors.Host.Running;

namespace NumaActors.Host.Tests.Cluster;

/// <summary>The Akka.Hosting configuration of a member: every wire message type is bound to the NumaActors serializer, none to a reflection serializer.</summary>
public sealed class ClusterNodeTests
{
    [Fact]
    public async Task Every_cross_process_message_type_uses_the_versioned_wire_serializer()
    {
        var scenario = ScenarioInput.Load(null, Catalogs.Policies).Scenario!;
        var run = new FleetRun(scenario, Catalogs.Programs, null, ActorEngineOptions.Default);
        var port = FreePort.Next();
        using var node = ClusterNode.Build(new ClusterNodeSettings("host", "127.0.0.1", port, "127.0.0.1", port, null), _ => FleetMember.ForHost(run), _ => { });
        await node.StartAsync();
        try
        {
            var system = node.Services.GetRequiredService<ActorSystem>();
            var wireTypes = typeof(IFleetWireMessage).Assembly.GetTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IFleetWireMessage).IsAssignableFrom(t)).ToList();

            Assert.Equal(8, wireTypes.Count);
            Assert.All(wireTypes, t => Assert.IsType<FleetWireSerializer>(system.Serialization.FindSerializerForType(t)));
        }
        finally
        {
            await node.StopAsync();
        }
    }
}
