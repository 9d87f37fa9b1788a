using NumaActors.Topology;

namespace NumaActors.Host.Tests;

public sealed class PresetsCommandTests
{
    [Fact]
    public void Lists_every_preset_with_nodes_cpus_memory_and_distances()
    {
        var run = CliRun.Of("presets");

        Assert.Equal(0, run.ExitCode);
        Assert.NotEmpty(Presets.All);
        foreach (var machine in Presets.All)
        {
            Assert.Contains($"{machine.Name}: {machine.NodeCount} nodes, {machine.TotalCpus} CPUs", run.Out);
            // The distance matrix row of the last node, as printed: its id then its SLIT values.
            var last = machine.NodeCount - 1;
            var row = machine.Distances[last];
            var section = run.Out[run.Out.IndexOf($"{machine.Name}:", StringComparison.Ordinal)..];
            Assert.Matches($@"\n\s+{last}\s+{string.Join(@"\s+", row)}\s*\n", section);
        }
    }
}
