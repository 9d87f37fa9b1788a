using NumaActors.Kernel.Rules;
using NumaActors.Kernel.Tests.Support;

namespace NumaActors.Kernel.Tests.Rules;

/// <summary>§4.2: topology types, nearby-node scoring, weights and preferred_group_nid.</summary>
public class PlacementScoreTests
{
    [Fact]
    public void Topology_types_follow_the_distance_tables()
    {
        Assert.Equal(TopologyType.Direct, new NumaTopology(TestMachines.TwoNode(), 90).Type);
        Assert.Equal(TopologyType.Backplane, new NumaTopology(TestMachines.Backplane(), 90).Type);
        Assert.Equal(TopologyType.GluelessMesh, new NumaTopology(TestMachines.Mesh(), 90).Type);
        // A CPU-less CXL node is left out of the computation: still DIRECT.
        Assert.Equal(TopologyType.Direct, new NumaTopology(TestMachines.Tiered(Sim.GiB, Sim.GiB), 90).Type);
    }

    [Fact]
    public void Direct_weight_is_per_mille_of_the_node_faults()
    {
        var topo = new NumaTopology(TestMachines.TwoNode(), 90);
        Assert.Equal(750, PlacementScore.Weight(topo, [300, 100], 400, 0, 21));   // 1000 × 300 / 400
        Assert.Equal(0, PlacementScore.Weight(topo, [0, 0], 0, 0, 21));
    }

    [Fact]
    public void Backplane_adds_nodes_closer_than_the_limit()
    {
        var topo = new NumaTopology(TestMachines.Backplane(), 90);
        long[] faults = [100, 200, 300, 400];
        // Node 0 with lim 32: node 1 (12 < 32 and < max 32) counts; 2 and 3 are at max distance.
        Assert.Equal(200, PlacementScore.NearbyScore(topo, faults, 0, 32));
        // With lim 12, node 1 (distance 12, not < 12) is left out.
        Assert.Equal(0, PlacementScore.NearbyScore(topo, faults, 0, 12));
        // Best socket is {2, 3} (700 faults), best node in it is 3.
        Assert.Equal(3, PlacementScore.PreferredGroupNid(topo, faults, 1000, 0));
    }

    [Fact]
    public void Mesh_scales_nearby_faults_by_distance()
    {
        var topo = new NumaTopology(TestMachines.Mesh(), 90);
        long[] faults = [120, 60, 0, 60];
        // Node 0: neighbours 1 and 3 at 16 of max 22 → each × (22 − 16)/(22 − 10) = 1/2 → 30 + 30.
        Assert.Equal(60, PlacementScore.NearbyScore(topo, faults, 0, 22));
        Assert.Equal(0, PlacementScore.PreferredGroupNid(topo, faults, 240, 2));
    }
}
