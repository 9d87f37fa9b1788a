using NumaActors.Host.Cli;
using NumaActors.Topology;
using Spectre.Console;
using Size = NumaActors.Topology.Units.Units;

namespace NumaActors.Host.Output;

/// <summary>Prints one machine: a node table and its SLIT distance matrix (and latencies where known).</summary>
public static class MachineTable
{
    public static void Write(CliConsole console, Machine machine)
    {
        console.Out.WriteLine(
            $"{machine.Name}: {machine.NodeCount} nodes, {machine.TotalCpus} CPUs, {Size.FormatSize(machine.TotalMemoryBytes)}");
        var nodes = new Table().Border(TableBorder.Simple)
            .AddColumn("node").AddColumn(new TableColumn("cpus").RightAligned())
            .AddColumn(new TableColumn("memory").RightAligned()).AddColumn("tier");
        foreach (var n in machine.Nodes)
            nodes.AddRow(n.Id.ToString(), n.Cpus.ToString(), Size.FormatSize(n.MemoryBytes), n.Tier == MemoryTier.Fast ? "fast" : "slow");
        console.Rich.Write(nodes);

        console.Out.WriteLine("  distances (ACPI SLIT, 10 = local):");
        WriteMatrix(console, machine.Distances.Select(r => r.Select(d => d.ToString())));
        if (machine.LatencyNs is { } latency)
        {
            console.Out.WriteLine("  idle access latency (ns, row = CPU node, column = memory node):");
            WriteMatrix(console, latency.Select(r => r.Select(v => v.ToString("0"))));
        }
    }

    private static void WriteMatrix(CliConsole console, IEnumerable<IEnumerable<string>> rows)
    {
        var materialized = rows.Select(r => r.ToArray()).ToArray();
        var width = Math.Max(4, materialized.SelectMany(r => r).Select(s => s.Length).DefaultIfEmpty(0).Max() + 1);
        console.Out.WriteLine("    node" + string.Concat(Enumerable.Range(0, materialized.Length).Select(i => i.ToString().PadLeft(width))));
        for (var i = 0; i < materialized.Length; i++)
            console.Out.WriteLine($"    {i,4}" + string.Concat(materialized[i].Select(s => s.PadLeft(width))));
    }
}
