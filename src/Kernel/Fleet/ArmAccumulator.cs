using NumaActors.Kernel.Observability;
using NumaActors.Kernel.Reporting;
using NumaActors.Kernel.Scenarios;

namespace NumaActors.Kernel.Fleet;

/// <summary>
/// Collects the samples of every server of one arm and turns them into the arm's report. Every
/// merge is exact integer addition, so the order in which servers arrive does not change a byte.
/// </summary>
public sealed class ArmAccumulator
{
    private readonly Scenario scenario;
    private readonly string armName;
    private readonly RowSchedule schedule;
    private readonly int nodeSlots;
    private readonly IntervalFigures[][] rows; // [workload][row]
    private readonly VmStatCounters[] fleetVmstat;
    private readonly int servers;

    public ArmAccumulator(Scenario scenario, string armName, RowSchedule schedule, int servers)
    {
        this.scenario = scenario;
        this.armName = armName;
        this.schedule = schedule;
        this.servers = servers;
        nodeSlots = scenario.Fleet.Max(c => c.Machine.NodeCount);
        rows = [.. scenario.Workloads.Select(_ => Enumerable.Range(0, schedule.Rows).Select(_ => new IntervalFigures(nodeSlots)).ToArray())];
        fleetVmstat = [.. Enumerable.Range(0, schedule.Rows).Select(_ => VmStatCounters.Zero)];
        Events = new ArmEventLog(scenario);
    }

    public ArmEventLog Events { get; }

    /// <summary>Largest node id in the fleet: the last <c>pages_on_node_N</c> column.</summary>
    public int MaxNodeId => nodeSlots - 1;

    public void Add(ServerSample sample)
    {
        for (var w = 0; w < sample.Workloads.Length; w++)
        {
            if (sample.Workloads[w] is not { } f) continue;
            rows[w][sample.Row].Add(f);
            // Row 0 is the first tick: its accesses belong to the first interval too.
            if (sample.Row == 0 && schedule.Rows > 1) rows[w][1].AddFlows(f);
        }
        fleetVmstat[sample.Row] = fleetVmstat[sample.Row].Add(sample.ServerVmstat);
    }

    public ArmReport Build()
    {
        var last = schedule.Rows - 1;
        var workloads = new List<WorkloadReport>();
        var series = new List<TimeseriesRow>();
        var fleetRows = Enumerable.Range(0, schedule.Rows).Select(_ => new IntervalFigures(nodeSlots)).ToArray();
        var fleetRun = new IntervalFigures(nodeSlots);

        for (var w = 0; w < rows.Length; w++)
        {
            var workload = scenario.Workloads[w];
            var run = new IntervalFigures(nodeSlots);
            for (var r = 0; r < schedule.Rows; r++)
            {
                var f = rows[w][r];
                fleetRows[r].Add(f);
                if (r > 0) run.AddFlows(f);
                series.Add(Row(workload.Name, r, f, f.Vmstat));
            }
            fleetRun.AddFlows(run);
            workloads.Add(new WorkloadReport(
                workload.Name,
                rows[w].Max(f => f.Instances),
                rows[w].Any(f => f.BalancingEnabled),
                new LocalityRange(rows[w][0].LocalAccessRatio, rows[w][last].LocalAccessRatio, run.LocalAccessRatio),
                run.MeanAccessLatencyNs,
                run.BalancingCpuShare,
                run.Stalls.Quantile(0.99),
                run.Stalls.Max,
                workload.LatencySensitive,
                rows[w][last].Vmstat));
        }
        for (var r = 0; r < schedule.Rows; r++) series.Add(Row("*", r, fleetRows[r], fleetVmstat[r]));

        var fleet = new FleetSummary(servers, fleetRun.LocalAccessRatio, fleetRun.MeanAccessLatencyNs, fleetRun.BalancingCpuShare, fleetVmstat[last]);
        return new ArmReport(armName, fleet, workloads, series, Events.Records(schedule.TickMs));
    }

    private TimeseriesRow Row(string workload, int r, IntervalFigures f, VmStatCounters vmstat) => new(
        armName, workload, schedule.TSeconds(r), f.LocalAccessRatio, f.MeanAccessLatencyNs, f.BalancingCpuShare,
        f.Stalls.Quantile(0.99), f.Stalls.Max, vmstat, [.. f.PagesOnNode]);
}
