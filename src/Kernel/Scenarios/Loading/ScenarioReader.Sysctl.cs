using NumaActors.Kernel.Knobs;
using YamlDotNet.RepresentationModel;

namespace NumaActors.Kernel.Scenarios;

internal sealed partial class ScenarioReader
{
    /// <summary>The knobs of kernel-model.md §1 a scenario may set (CONTRACT.md §2, <c>sysctl:</c>).</summary>
    private static readonly string[] SysctlKeys =
        ["numa_balancing", "scan_delay", "scan_period_min", "scan_period_max", "scan_size", "hot_threshold", "promote_rate_limit"];

    /// <summary>Reads the sysctl keys present in an already key-checked mapping; null when any is wrong.</summary>
    private SysctlOverrides? ReadSysctlKeys(MappingView map)
    {
        var ok = true;
        T? Read<T>(string key, Func<YamlNode, T?> parse) where T : struct
        {
            if (map.Get(key) is not { } node) return null;
            var value = parse(node);
            ok &= value is not null;
            return value;
        }
        // numa_balancing: only bits 1 (NORMAL) and 2 (MEMORY_TIERING) have meaning (kernel-model.md §1.1).
        var mode = Read("numa_balancing", n => (NumaBalancingMode?)(int?)_r.Int(n, "numa_balancing", 0, 3));
        var result = new SysctlOverrides(
            mode,
            Read("scan_delay", n => _r.Milliseconds(n, "scan_delay")),
            Read("scan_period_min", n => _r.Milliseconds(n, "scan_period_min")),
            Read("scan_period_max", n => _r.Milliseconds(n, "scan_period_max")),
            Read("scan_size", n => _r.Mebibytes(n, "scan_size")),
            Read("hot_threshold", n => _r.Milliseconds(n, "hot_threshold")),
            Read("promote_rate_limit", n => _r.MebibytesPerSecond(n, "promote_rate_limit")));
        return ok ? result : null;
    }

    /// <summary>scan_period_min bounds the scan period from below, scan_period_max from above (kernel-model.md §1.2).</summary>
    private bool CheckScanPeriods(NumaBalancingKnobs knobs, MappingView map, string? where = null)
    {
        if (knobs.ScanPeriodMinMs <= knobs.ScanPeriodMaxMs) return true;
        var at = map.Get("scan_period_min") ?? map.Get("scan_period_max") ?? map.Node;
        Diagnostics.Error(at, $"scan_period_min ({knobs.ScanPeriodMinMs}ms) must not exceed scan_period_max ({knobs.ScanPeriodMaxMs}ms){where}");
        return false;
    }
}
