namespace NumaActors.Topology.Tests;

public class TopologyYamlTests
{
    [Fact]
    public void The_tiered_preset_prints_in_the_contract_s_nodes_form()
    {
        const string expected =
            "topology:\n" +
            "  nodes:\n" +
            "    - { id: 0, cpus: 112, memory: 256GiB }\n" +
            "    - { id: 1, cpus: 112, memory: 256GiB }\n" +
            "    - { id: 2, cpus: 0, memory: 128GiB, tier: slow }\n" +
            "    - { id: 3, cpus: 0, memory: 128GiB, tier: slow }\n" +
            "  distances: [[10, 21, 14, 24], [21, 10, 24, 14], [14, 24, 10, 26], [24, 14, 26, 10]]\n";
        Assert.Equal(expected, TopologyYaml.ToScenarioYaml(Presets.Find("tiered-2dram-2cxl")!));
    }

    [Fact]
    public void Numactl_sizes_print_in_MiB_when_not_a_whole_number_of_GiB()
    {
        var yaml = TopologyYaml.ToScenarioYaml(TopologyFile.Load(Fixture.Path("intel-spr-2s-cxl.numactl")).Machine!);
        // 64167 MB is not a multiple of 1024; 65536 MB = 64 GiB and 131072 MB = 128 GiB are
        Assert.Contains("    - { id: 0, cpus: 104, memory: 64167MiB }\n", yaml);
        Assert.Contains("    - { id: 2, cpus: 0, memory: 64GiB, tier: slow }\n", yaml);
        Assert.Contains("    - { id: 3, cpus: 0, memory: 128GiB, tier: slow }\n", yaml);
    }

    public static TheoryData<string> Fixtures() => new(
        "intel-xeon-2s-c5n.numactl", "amd-epyc-9375f-2s-nps1.numactl", "amd-epyc-7413-2s-nps4.numactl",
        "intel-spr-2s-cxl.numactl", "intel-xeon-max-2s-hbm-flat.numactl", "sysfs-intel-spr-2s-cxl");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void A_fixture_survives_emit_and_read_back(string fixture)
    {
        var machine = TopologyFile.Load(Fixture.Path(fixture)).Machine!;
        var back = ScenarioTopologyReader.Read(TopologyYaml.ToScenarioYaml(machine), machine.Name);
        Assert.Equal(machine, back);
    }

    public static TheoryData<string> PresetNames() => new(Presets.All.Select(m => m.Name));

    [Theory]
    [MemberData(nameof(PresetNames))]
    public void A_preset_survives_emit_and_read_back(string name)
    {
        var machine = Presets.Find(name)!;
        Assert.Equal(machine, ScenarioTopologyReader.Read(TopologyYaml.ToScenarioYaml(machine), name));
    }
}
