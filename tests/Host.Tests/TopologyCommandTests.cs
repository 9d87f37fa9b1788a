using NumaActors.Host.Running;
using NumaActors.Kernel.Scenarios;
using NumaActors.Topology;

namespace NumaActors.Host.Tests;

public sealed class TopologyCommandTests
{
    public static TheoryData<string> Fixtures() =>
    [
        "amd-epyc-7413-2s-nps4.numactl",
        "intel-spr-2s-cxl.numactl",
        "intel-xeon-2s-c5n.numactl",
        "sysfs-intel-spr-2s-cxl",
    ];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Printed_yaml_put_into_a_scenario_validates_and_gives_the_same_machine(string fixture)
    {
        var path = RepoPaths.Of("tests", "Topology.Tests", "Fixtures", fixture);
        var run = CliRun.Of("topology", path);
        Assert.Equal(0, run.ExitCode);

        var expected = TopologyFile.Load(path).Machine!;
        var cpuNode = expected.Nodes.First(n => n.Cpus > 0).Id;
        var yaml = $"""
            version: 1
            name: from-topology
            duration: 1s
            fleet:
              - class: measured
                count: 1
            {Indent(run.Out, 4)}
            workloads:
              - name: app
                class: measured
                per_server: 1
                tasks: 1
                memory: 64MiB
                cpuset: [{cpuNode}]
                access: {"{"} rate: 1000/s, pattern: uniform {"}"}
            """;
        var loaded = ScenarioLoader.LoadText(yaml, "from-topology.yaml", ".", Catalogs.Policies);

        Assert.DoesNotContain(loaded.Diagnostics, d => d.IsError);
        Assert.Equal(expected, loaded.Scenario!.Fleet[0].Machine);
    }

    [Fact]
    public void Garbage_input_gives_line_numbered_errors_and_exit_2()
    {
        var run = CliRun.Of("topology", RepoPaths.Of("tests", "Topology.Tests", "Fixtures", "garbage-lscpu.numactl"));

        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"garbage-lscpu\.numactl:\d+:\d+: error: ", run.Err);
        Assert.DoesNotContain("   at ", run.Err);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void A_missing_file_is_bad_input()
    {
        var run = CliRun.Of("topology", "/nonexistent/numactl.txt");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such file", run.Err);
    }

    private static string Indent(string text, int spaces) =>
        string.Join('\n', text.TrimEnd().Split('\n').Select(l => new string(' ', spaces) + l));
}
