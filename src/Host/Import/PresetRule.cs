namespace NumaActors.Host.Import;

/// <summary>
/// Which built-in machine simulates an OpenB node, by its CPU count. The trace gives only CPUs and
/// memory (data/openb/README.md); the rule picks the preset whose socket/NUMA layout a node of that
/// size typically has. Every preset holds at least the CPUs and memory of the nodes mapped to it, so
/// what the scheduler packs against the trace's capacity always fits the simulated machine.
/// </summary>
public static class PresetRule
{
    /// <summary>The rule, in order: the first row whose CPU bound holds wins.</summary>
    public static IReadOnlyList<PresetRuleRow> Rows { get; } =
    [
        new(32, "amd-epyc-1s-nps2", "up to 32 CPUs: one socket, two NUMA nodes (EPYC NPS2)"),
        new(64, "intel-xeon-8480-2s", "33..64 CPUs: two sockets, one node each (Xeon, SNC off)"),
        new(int.MaxValue, "amd-epyc-9654-2s-nps4", "65 CPUs and more (82, 96, 104, 128): two sockets, eight nodes (EPYC NPS4)"),
    ];

    public static string PresetFor(OpenbNode node) => Rows.First(r => node.Cpus <= r.MaxCpus).Preset;

    /// <summary>The rule as comment lines for the scenario header.</summary>
    public static IEnumerable<string> Describe() => Rows.Select(r => $"{r.Description} -> {r.Preset}");
}

/// <summary>One row of <see cref="PresetRule"/>: nodes with at most <see cref="MaxCpus"/> CPUs get <see cref="Preset"/>.</summary>
public sealed record PresetRuleRow(int MaxCpus, string Preset, string Description);
