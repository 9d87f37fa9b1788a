using System.Globalization;
using System.Text;
using NumaActors.Kernel.Scenarios;
using U = NumaActors.Topology.Units.Units;

namespace NumaActors.Host.Import;

/// <summary>
/// Writes the imported fleet as scenario YAML (CONTRACT.md §2) with the import's rules and findings in
/// the header comments. Written by hand rather than through a YAML emitter so the comments can stay.
/// </summary>
public static class OpenbScenarioText
{
    /// <summary>How many unplaceable pods the comments and stderr name one by one.</summary>
    public const int NamedUnplaceable = 10;

    public static string Write(OpenbImportOptions options, OpenbImportSummary s, IReadOnlyList<ImportedClass> classes, string nodesName, string podsName)
    {
        var o = new StringBuilder();
        void Line(string text = "") => o.Append(text).Append('\n');
        Line("# Imported from the Alibaba OpenB trace (cluster-trace-gpu-v2023; Weng et al., USENIX ATC 2023)");
        Line("# by `numa-actors import openb`; every rule below is explained in docs/IMPORT.md.");
        Line($"# nodes: {nodesName} ({s.Nodes} nodes); pods: {podsName} ({s.Pods} pods)");
        Line($"# window: trace seconds [{s.WindowStart}, {s.WindowEnd}) = {F((s.WindowEnd - s.WindowStart) / 3600.0)} h;"
            + $" time scale {F(s.TimeScale)} (1 simulated second = {F(s.TimeScale)} trace seconds)");
        Line("# node -> machine (preset rule, by the node's CPUs):");
        foreach (var rule in PresetRule.Describe()) Line($"#   {rule}");
        Line("# scheduler: pods bound in start order (binding time, then creation), freed at deletion; filter: free CPU and");
        Line("#   memory of the trace node, and the scenario's workload definitions fit the simulated machine; score: kube-scheduler");
        Line("#   LeastAllocated (CPU and memory, equal weights); ties: first node in the list. GPUs are ignored.");
        Line("# pod -> instance: tasks = ceil(cpu_milli / 1000) (at least 1), memory = memory_mib, latency_sensitive = (qos LS),");
        Line("#   one workload per server class and pod shape (qos, cpu_milli, memory_mib); access by qos:");
        foreach (var qos in OpenbCsv.QosClasses) Line($"#   {qos}: {Access(QosAccess.For(qos))}");
        Line($"# pods in the window: {s.PodsInWindow}; placed and written: {s.Written}");
        Line($"# unplaceable (fit on no node): {s.Unplaceable.Count}");
        foreach (var p in s.Unplaceable.Take(NamedUnplaceable)) Line($"#   {p.Pod.Name} ({p.Pod.CpuMilli}m, {p.Pod.MemoryMib} MiB, {p.Pod.Qos}): {p.Reason}");
        if (s.Unplaceable.Count > NamedUnplaceable) Line($"#   ... and {s.Unplaceable.Count - NamedUnplaceable} more");
        Line($"# never bound in the trace (no scheduled_time, e.g. Pending), not placed: {s.NeverScheduled}");
        Line($"# on nodes left out by --max-servers: {s.LeftOutByMaxServers}");
        Line($"# shorter than one {U.FormatDuration(OpenbImportOptions.Tick)} tick once compressed (start and end round to the same tick), run for one tick: {s.ShorterThanTick}");
        Line($"# starting at or after the end of the run (with --time-scale), left out: {s.StartsPastEnd}");
        Line($"# size: {s.Servers} servers in {s.Classes} classes, {s.Workloads} workloads, {s.TimelineEvents} timeline events");
        Line($"# region_size {U.FormatSize(s.RegionSizeBytes)}: the fleet's largest resident memory within {OpenbImportOptions.RegionBudget} regions");
        Line("version: 1");
        Line($"name: {options.Name}");
        Line($"seed: {options.Seed.ToString(CultureInfo.InvariantCulture)}");
        Line($"duration: {U.FormatDuration(options.Duration ?? OpenbImportOptions.DefaultDuration)}");
        Line($"tick: {U.FormatDuration(OpenbImportOptions.Tick)}");
        Line($"region_size: {U.FormatSize(s.RegionSizeBytes)}");
        Line("fleet:");
        foreach (var c in classes)
        {
            var members = c.Count == 1 ? c.NodeNames[0] : $"{c.Count} nodes: {c.NodeNames[0]} .. {c.NodeNames[^1]}";
            Line($"  - class: {c.Name}   # {members}; {c.First.CpuMilli / 1000.0:0.###} CPUs, {c.First.MemoryMib} MiB in the trace");
            Line($"    count: {c.Count}");
            Line($"    topology: {{ preset: {c.Preset} }}");
        }
        Line("workloads:");
        foreach (var c in classes)
        foreach (var w in c.Workloads)
        {
            Line($"  - name: {c.WorkloadName(w)}   # {w.Pods} pod(s) per server");
            Line($"    class: {c.Name}");
            Line($"    per_server: {w.PerServer}");
            Line($"    cgroup: /kubepods/{QosAccess.Folder(w.Shape.Qos)}/pod-{w.Shape.CpuMilli}m-{w.Shape.MemoryMib}mi");
            Line($"    tasks: {w.Shape.Tasks}");
            Line($"    memory: {U.FormatSize(w.Shape.MemoryBytes)}");
            Line($"    access: {{ {Access(QosAccess.For(w.Shape.Qos))} }}");
            Line($"    latency_sensitive: {(QosAccess.LatencySensitive(w.Shape.Qos) ? "true" : "false")}");
        }
        var events = classes.SelectMany((c, ci) => c.Workloads.SelectMany((w, wi) => w.Scale.Select((e, ei) =>
                (e.AtMs, Up: e.Count > (ei == 0 ? w.PerServer : w.Scale[ei - 1].Count), ci, wi, Name: c.WorkloadName(w), e.Count))))
            .OrderBy(e => e.AtMs).ThenBy(e => e.Up).ThenBy(e => e.ci).ThenBy(e => e.wi).ToList();
        if (events.Count > 0)
        {
            Line("# timeline: scale-downs before scale-ups at the same time, so a server never holds more than its trace node did");
            Line("timeline:");
            foreach (var e in events)
                Line($"  - {{ at: {U.FormatDuration(TimeSpan.FromMilliseconds(e.AtMs))}, scale: {{ workload: {e.Name}, per_server: {e.Count} }} }}");
        }
        return o.ToString();
    }

    private static string Access(AccessModel a)
    {
        var text = $"rate: {F(a.RatePerSecond)}/s, pattern: {QosAccess.Pattern(a.Pattern)}";
        if (a.Pattern != AccessPattern.Uniform) text += $", skew: {F(a.Skew)}";
        return text + $", shared: {F(a.Shared)}";
    }

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
