namespace NumaActors.Topology.Tests;

public class PresetTests
{
    private const long GiB = 1L << 30;

    public static TheoryData<string> Names() => new(Presets.All.Select(m => m.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_preset_validates_without_errors_or_warnings(string name)
    {
        var machine = Presets.Find(name)!;
        Assert.Empty(TopologyValidator.Validate(machine));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_preset_has_a_square_latency_matrix_with_local_access_fastest_from_each_cpu_node(string name)
    {
        var machine = Presets.Find(name)!;
        var latency = machine.LatencyNs!.Value;
        Assert.Equal(machine.NodeCount, latency.Length);
        foreach (var node in machine.Nodes.Where(n => n.HasCpus))
            Assert.Equal(latency[node.Id].Min(), latency[node.Id][node.Id]);
    }

    [Fact]
    public void The_brief_s_preset_names_all_exist_and_names_are_unique()
    {
        string[] required =
        [
            "test-2node", "amd-epyc-9654-2s-nps1", "amd-epyc-9654-2s-nps4", "intel-xeon-8480-2s",
            "intel-xeon-8480-2s-snc4", "tiered-2dram-2cxl", "amd-epyc-1s-nps2",
        ];
        Assert.All(required, name => Assert.NotNull(Presets.Find(name)));
        Assert.Equal(Presets.All.Count, Presets.All.Select(m => m.Name).Distinct().Count());
        Assert.Null(Presets.Find("no-such-machine"));
    }

    [Theory]
    // EPYC 9654: 96 cores / 192 threads per socket; 12 channels x 64 GiB = 768 GiB per socket.
    [InlineData("amd-epyc-9654-2s-nps1", 2, 2 * 192, 2 * 768L)]
    [InlineData("amd-epyc-9654-2s-nps4", 8, 2 * 192, 2 * 768L)]
    // Xeon 8480+: 56 cores / 112 threads per socket; 8 channels x 64 GiB = 512 GiB per socket.
    [InlineData("intel-xeon-8480-2s", 2, 2 * 112, 2 * 512L)]
    [InlineData("intel-xeon-8480-2s-snc4", 8, 2 * 112, 2 * 512L)]
    // 2 x 256 GiB DRAM + 2 x 128 GiB CXL.
    [InlineData("tiered-2dram-2cxl", 4, 2 * 112, 2 * 256L + 2 * 128L)]
    // Matches the OpenB trace's 32-CPU, 256 GiB nodes.
    [InlineData("amd-epyc-1s-nps2", 2, 32, 256L)]
    [InlineData("test-2node", 2, 8, 8L)]
    public void Presets_have_the_published_cpu_and_memory_totals(string name, int nodes, int cpus, long memoryGiB)
    {
        var machine = Presets.Find(name)!;
        Assert.Equal(nodes, machine.NodeCount);
        Assert.Equal(cpus, machine.TotalCpus);
        Assert.Equal(memoryGiB * GiB, machine.TotalMemoryBytes);
    }

    [Theory]
    [InlineData("amd-epyc-9654-2s-nps4", 12, 32)]
    [InlineData("intel-xeon-8480-2s-snc4", 12, 21)]
    public void Eight_node_presets_have_a_near_distance_inside_a_socket_and_a_far_one_across(string name, int sameSocket, int crossSocket)
    {
        var machine = Presets.Find(name)!;
        // Nodes 0..3 are socket 0, 4..7 socket 1.
        Assert.Equal(sameSocket, machine.Distance(0, 3));
        Assert.Equal(sameSocket, machine.Distance(5, 6));
        Assert.Equal(crossSocket, machine.Distance(0, 4));
        Assert.Equal(crossSocket, machine.Distance(7, 3));
    }

    [Fact]
    public void The_tiered_preset_has_two_cpu_less_slow_nodes_nearer_their_own_socket()
    {
        var machine = Presets.Find("tiered-2dram-2cxl")!;
        Assert.Equal([MemoryTier.Fast, MemoryTier.Fast, MemoryTier.Slow, MemoryTier.Slow], machine.Nodes.Select(n => n.Tier));
        Assert.Equal([112, 112, 0, 0], machine.Nodes.Select(n => n.Cpus));
        Assert.True(machine.Distance(0, 2) < machine.Distance(0, 3));
        Assert.True(machine.Distance(1, 3) < machine.Distance(1, 2));
        // CXL is slower than either DRAM node from the CPU's own socket.
        Assert.True(machine.LatencyNs!.Value[0][2] > machine.LatencyNs!.Value[0][1]);
    }

    [Fact]
    public void The_test_machine_is_two_nodes_of_4_cpus_and_4_GiB_at_distance_20()
    {
        var machine = Presets.Find("test-2node")!;
        Assert.All(machine.Nodes, n => Assert.Equal((4, 4 * GiB), (n.Cpus, n.MemoryBytes)));
        Assert.Equal(20, machine.Distance(0, 1));
    }
}
