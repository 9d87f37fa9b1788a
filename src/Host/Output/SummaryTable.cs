using NumaActors.Host.Cli;
using NumaActors.Kernel.Reporting;
using Spectre.Console;

namespace NumaActors.Host.Output;

/// <summary>The table <c>run</c> prints at the end: per arm, the fleet and each workload.</summary>
public static class SummaryTable
{
    public static void Write(CliConsole console, SimulationReport report)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("arm").AddColumn("workload")
            .AddColumn(new TableColumn("local start").RightAligned())
            .AddColumn(new TableColumn("local end").RightAligned())
            .AddColumn(new TableColumn("local mean").RightAligned())
            .AddColumn(new TableColumn("latency ns").RightAligned())
            .AddColumn(new TableColumn("balancing cpu").RightAligned())
            .AddColumn(new TableColumn("stall p99 ms").RightAligned())
            .AddColumn(new TableColumn("hint faults").RightAligned())
            .AddColumn(new TableColumn("pages migrated").RightAligned());
        foreach (var arm in report.Arms)
        {
            foreach (var w in arm.Workloads)
                table.AddRow(Markup.Escape(arm.Name), Markup.Escape(w.Name),
                    w.LocalAccessRatio.Start.ToString("0.000"), w.LocalAccessRatio.End.ToString("0.000"),
                    w.LocalAccessRatio.Mean.ToString("0.000"), w.MeanAccessLatencyNs.ToString("0.0"),
                    w.BalancingCpuShare.ToString("0.0000%"), w.StallMsP99.ToString("0.00"),
                    w.Vmstat.NumaHintFaults.ToString("N0"), w.Vmstat.NumaPagesMigrated.ToString("N0"));
            var f = arm.Fleet;
            table.AddRow(Markup.Escape(arm.Name), $"* ({f.Servers} servers)", "", "", f.LocalAccessRatio.ToString("0.000"),
                f.MeanAccessLatencyNs.ToString("0.0"), f.BalancingCpuShare.ToString("0.0000%"), "",
                f.Vmstat.NumaHintFaults.ToString("N0"), f.Vmstat.NumaPagesMigrated.ToString("N0"));
        }
        console.Rich.Write(table);
        var e = report.Engine;
        console.Out.WriteLine($"{report.Scenario}: {report.SimulatedSeconds:0.#} s simulated, engine {e.Kind}, {e.WallSeconds:0.00} s wall, {e.ServerSecondsPerWallSecond:N0} server-seconds per wall second");
    }
}
