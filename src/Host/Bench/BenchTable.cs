using NumaActors.Host.Cli;
using Spectre.Console;

namespace NumaActors.Host.Bench;

/// <summary>The table <c>bench</c> prints: one row per fleet size and engine, then the verdict.</summary>
public static class BenchTable
{
    public static void Write(CliConsole console, BenchResult result)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn(new TableColumn("servers").RightAligned())
            .AddColumn(new TableColumn("sim s").RightAligned())
            .AddColumn("engine")
            .AddColumn(new TableColumn("wall s").RightAligned())
            .AddColumn(new TableColumn("server-s / wall s").RightAligned())
            .AddColumn(new TableColumn("tasks").RightAligned())
            .AddColumn(new TableColumn("hint faults / s").RightAligned())
            .AddColumn(new TableColumn("migrated / s").RightAligned())
            .AddColumn(new TableColumn("peak WS MiB").RightAligned())
            .AddColumn(new TableColumn("bytes / task").RightAligned())
            .AddColumn(new TableColumn("alloc / server-s").RightAligned())
            .AddColumn(new TableColumn("actors / seq").RightAligned());
        foreach (var r in result.Runs)
        {
            var ratio = result.Ratios.FirstOrDefault(x => x.Servers == r.Servers);
            table.AddRow(r.Servers.ToString("N0"), r.Seconds.ToString("N0"), r.Engine, r.WallSeconds.ToString("0.00"),
                r.ServerSecondsPerWallSecond.ToString("N0"), r.Tasks.ToString("N0"), r.HintFaultsPerWallSecond.ToString("N0"),
                r.PagesMigratedPerWallSecond.ToString("N0"), (r.PeakWorkingSetBytes / 1048576.0).ToString("N0"),
                r.BytesPerTask.ToString("N0"), r.AllocatedBytesPerServerSecond is { } a ? Bytes(a) : "-",
                r.Engine == "actors" && ratio is not null ? ratio.ActorsOverSequential.ToString("0.00") + "x" : "");
        }
        console.Rich.Write(table);
        if (!result.Compared) console.Out.WriteLine("one engine only: results not compared, no actors/sequential ratio");
        foreach (var r in result.Ratios)
            console.Out.WriteLine(r.Identical
                ? $"{r.Servers:N0} servers: both engines gave identical results"
                : $"{r.Servers:N0} servers: the engines' results DIFFER");
    }

    private static string Bytes(double b) => b >= 1048576 ? $"{b / 1048576:0.0} MiB" : b >= 1024 ? $"{b / 1024:0.0} KiB" : $"{b:0} B";
}
