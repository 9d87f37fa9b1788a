using System.CommandLine;

namespace NumaActors.Host.Metrics;

/// <summary><c>--metrics-port P</c>, shared by <c>run</c> and <c>host</c>.</summary>
public static class MetricsPortOption
{
    public static Option<int?> Create()
    {
        var option = new Option<int?>("--metrics-port")
        {
            Description = "Serve fleet and per-workload counters (the kernel's vmstat names) in Prometheus text format on http://localhost:PORT/metrics while the run lasts.",
        };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is { } p && p is < 1 or > 65535) r.AddError($"--metrics-port: {p} is not a TCP port (1 to 65535)");
        });
        return option;
    }
}
