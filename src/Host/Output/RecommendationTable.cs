using NumaActors.Host.Cli;
using NumaActors.Kernel.Decisions;
using Spectre.Console;

namespace NumaActors.Host.Output;

/// <summary>The table <c>run</c> prints after the summary: the recommended arm and setting per workload and class.</summary>
public static class RecommendationTable
{
    public static void Write(CliConsole console, RecommendationSet set)
    {
        if (!set.All.Any()) return;
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("workload").AddColumn("ls").AddColumn("recommended arm").AddColumn("setting")
            .AddColumn(new TableColumn("locality gain").RightAligned())
            .AddColumn(new TableColumn("balancing cpu").RightAligned())
            .AddColumn(new TableColumn("stall p99 ms").RightAligned())
            .AddColumn("why");
        foreach (var r in set.All)
            table.AddRow(Markup.Escape(r.IsClass ? $"class {r.Name}" : r.Name), r.LatencySensitive ? "yes" : "",
                Markup.Escape(r.Chosen.Arm), Markup.Escape(r.Chosen.Setting),
                $"{r.Chosen.LocalityGain * 100:+0.00;-0.00;0.00} pp", r.Chosen.CpuShare.ToString("0.000%"),
                r.Chosen.StallMsP99.ToString("0.00"), Markup.Escape(r.Reason));
        console.Out.WriteLine($"recommendations (budget: balancing CPU <= {set.Budget.CpuShare * 100:0.###}%, latency-sensitive stall p99 <= {set.Budget.StallMsP99:0.###} ms; gain vs each workload's baseline arm):");
        console.Rich.Write(table);
    }
}
