using System.Globalization;
using NumaActors.Kernel.Hooks;
using NumaActors.Topology;
using YamlDotNet.RepresentationModel;
using U = NumaActors.Topology.Units.Units;

namespace NumaActors.Kernel.Scenarios;

/// <summary>
/// Scripted scenarios for tests (issue 4): builds the scenario's YAML from code and loads it through
/// <see cref="ScenarioLoader"/>, so a built scenario obeys every rule and gives the very model the same
/// file would. <see cref="ToYaml"/> shows the file it stands for.
/// </summary>
/// <example><code>
/// var result = new ScenarioBuilder("mixed", TimeSpan.FromSeconds(60), seed: 7)
///     .Class("small", 2, "test-2node")
///     .Workload("cache", "small", perServer: 1, tasks: 4, memoryBytes: 4L &lt;&lt; 30, new AccessModel(1e6, AccessPattern.Zipf, 0.99, 0))
///     .Policy("on", "static", attachTo: "cache", ("enabled", "true"))
///     .At(TimeSpan.FromSeconds(30)).Detach("on", "cache")
///     .Build(catalog);
/// </code></example>
public sealed class ScenarioBuilder(string name, TimeSpan duration, ulong seed = Scenario.DefaultSeed)
{
    private readonly YamlMappingNode _root = YamlMaps.Map(
        ("version", "1"), ("name", name), ("seed", seed.ToString(CultureInfo.InvariantCulture)), ("duration", U.FormatDuration(duration)));
    private readonly YamlSequenceNode _fleet = [];
    private readonly YamlSequenceNode _workloads = [];
    private readonly YamlSequenceNode _policies = [];
    private readonly YamlSequenceNode _timeline = [];
    private readonly YamlSequenceNode _arms = [];

    public ScenarioBuilder Tick(TimeSpan tick) => Set("tick", U.FormatDuration(tick));

    public ScenarioBuilder HookResolution(HookResolution resolution) => Set("hook_resolution", resolution.ToString().ToLowerInvariant());

    public ScenarioBuilder RegionSize(long bytes) => Set("region_size", U.FormatSize(bytes));

    public ScenarioBuilder TimeseriesInterval(TimeSpan interval) =>
        Set("outputs", YamlMaps.Map(("timeseries_interval", U.FormatDuration(interval))));

    /// <summary>A class whose machine is a built-in preset.</summary>
    public ScenarioBuilder Class(string className, int count, string preset, SysctlOverrides? sysctl = null, ClassCosts? costs = null) =>
        AddClass(className, count, YamlMaps.Map(("preset", preset)), sysctl, costs);

    /// <summary>A class whose machine is written inline (nodes and distances).</summary>
    public ScenarioBuilder Class(string className, int count, Machine machine, SysctlOverrides? sysctl = null, ClassCosts? costs = null)
    {
        var nodes = new YamlSequenceNode(machine.Nodes.Select(n => (YamlNode)Flow(YamlMaps.Map(
            ("id", Int(n.Id)), ("cpus", Int(n.Cpus)), ("memory", U.FormatSize(n.MemoryBytes)), ("tier", n.Tier == MemoryTier.Slow ? "slow" : "fast")))));
        var distances = new YamlSequenceNode(machine.Distances.Select(row => (YamlNode)Flow(new YamlSequenceNode(row.Select(d => new YamlScalarNode(Int(d)))))));
        return AddClass(className, count, new YamlMappingNode(new YamlScalarNode("nodes"), nodes, new YamlScalarNode("distances"), distances), sysctl, costs);
    }

    public ScenarioBuilder Workload(string workloadName, string className, int perServer, int tasks, long memoryBytes, AccessModel access,
        bool latencySensitive = false) =>
        Workload(new Workload(workloadName, className, perServer, null, Scenarios.Workload.DefaultCgroup(workloadName), tasks, memoryBytes,
            null, null, InitialMemory.FirstTouch, access, latencySensitive));

    /// <summary>Any workload the model can hold (cpuset, pin, servers, cgroup, initial memory).</summary>
    public ScenarioBuilder Workload(Workload w)
    {
        var map = YamlMaps.Map(("name", w.Name), ("class", w.Class));
        if (w.PerServer is { } ps) map.Add("per_server", Int(ps));
        if (w.Servers is { } s) map.Add("servers", Int(s));
        map.Add("cgroup", w.CgroupTemplate);
        map.Add("tasks", Int(w.Tasks));
        map.Add("memory", U.FormatSize(w.MemoryBytes));
        if (w.Cpuset is { } cpuset) map.Add("cpuset", Ints(cpuset));
        if (w.Pin is { } pin) map.Add("pin", Ints(pin));
        map.Add("initial_memory", w.InitialMemory.Kind switch
        {
            InitialMemoryKind.Node => $"node:{w.InitialMemory.Node}",
            InitialMemoryKind.Interleave => "interleave",
            InitialMemoryKind.Spread => "spread",
            _ => "first-touch",
        });
        map.Add("access", Access(new AccessChange(w.Access.RatePerSecond, w.Access.Pattern, w.Access.Skew, w.Access.Shared)));
        map.Add("latency_sensitive", w.LatencySensitive ? "true" : "false");
        _workloads.Add(map);
        return this;
    }

    /// <summary>A policy; <paramref name="attachTo"/> null means only the timeline attaches it.</summary>
    public ScenarioBuilder Policy(string policyName, string kind, string? attachTo, params (string Name, string Value)[] parameters) =>
        Policy(policyName, kind, attachTo is null ? null : new PolicyAttach(attachTo), null, parameters);

    public ScenarioBuilder Policy(string policyName, string kind, PolicyAttach? attach, string? objectPath, params (string Name, string Value)[] parameters)
    {
        var map = YamlMaps.Map(("name", policyName), ("kind", kind));
        if (parameters.Length > 0) map.Add("params", Params(parameters));
        if (attach is not null) map.Add("attach", AttachNode(attach.Workload, attach.Hierarchical));
        if (objectPath is not null) map.Add("object", objectPath);
        _policies.Add(map);
        return this;
    }

    /// <summary>Starts a timeline entry at <paramref name="at"/>.</summary>
    public TimelineStep At(TimeSpan at) => new(this, at);

    /// <summary>An arm; <paramref name="policies"/> lists the policies whose attach it applies (see <see cref="Scenario"/>).</summary>
    public ScenarioBuilder Arm(string armName, SysctlOverrides? sysctl = null, params string[] policies)
    {
        var map = YamlMaps.Map(("name", armName));
        if (sysctl is { IsEmpty: false }) map.Add("sysctl", Sysctl(sysctl));
        if (policies.Length > 0) map.Add("policies", Flow(new YamlSequenceNode(policies.Select(p => new YamlScalarNode(p)))));
        _arms.Add(map);
        return this;
    }

    /// <summary>The scenario as a YAML file.</summary>
    public string ToYaml()
    {
        var root = new YamlMappingNode(_root.Children);
        root.Add("fleet", _fleet);
        root.Add("workloads", _workloads);
        if (_policies.Children.Count > 0) root.Add("policies", _policies);
        if (_timeline.Children.Count > 0) root.Add("timeline", _timeline);
        if (_arms.Children.Count > 0) root.Add("arms", _arms);
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    /// <summary>Loads the built scenario; its diagnostics point into <see cref="ToYaml"/>'s text.</summary>
    public ScenarioLoadResult Build(IPolicyCatalog catalog, string? baseDirectory = null) =>
        ScenarioLoader.LoadText(ToYaml(), $"<builder:{name}>", baseDirectory ?? Directory.GetCurrentDirectory(), catalog);

    internal ScenarioBuilder AddEvent(TimeSpan at, string kind, YamlMappingNode body)
    {
        _timeline.Add(Flow(new YamlMappingNode(new YamlScalarNode("at"), new YamlScalarNode(U.FormatDuration(at)), new YamlScalarNode(kind), body)));
        return this;
    }

    internal static YamlMappingNode AttachNode(string workload, bool hierarchical) =>
        Flow(hierarchical ? YamlMaps.Map(("workload", workload), ("hierarchical", "true")) : YamlMaps.Map(("workload", workload)));

    internal static YamlMappingNode Params(IEnumerable<(string Name, string Value)> parameters) =>
        Flow(new YamlMappingNode(parameters.Select(p => new KeyValuePair<YamlNode, YamlNode>(new YamlScalarNode(p.Name), new YamlScalarNode(p.Value)))));

    /// <summary>Sysctl keys in the kernel's units (kernel-model.md §1.2, §1.3).</summary>
    internal static YamlMappingNode Sysctl(SysctlOverrides s)
    {
        var map = new YamlMappingNode();
        if (s.Mode is { } mode) map.Add("numa_balancing", Int((int)mode));
        if (s.ScanDelayMs is { } delay) map.Add("scan_delay", $"{delay}ms");
        if (s.ScanPeriodMinMs is { } min) map.Add("scan_period_min", $"{min}ms");
        if (s.ScanPeriodMaxMs is { } max) map.Add("scan_period_max", $"{max}ms");
        if (s.ScanSizeMb is { } size) map.Add("scan_size", $"{size}MiB");
        if (s.HotThresholdMs is { } hot) map.Add("hot_threshold", $"{hot}ms");
        if (s.PromoteRateLimitMBps is { } rate) map.Add("promote_rate_limit", $"{rate}MiB/s");
        return Flow(map);
    }

    internal static YamlMappingNode Access(AccessChange a)
    {
        var map = new YamlMappingNode();
        if (a.RatePerSecond is { } rate) map.Add("rate", $"{Num(rate)}/s");
        if (a.Pattern is { } pattern) map.Add("pattern", pattern.ToString().ToLowerInvariant());
        if (a.Skew is { } skew && a.Pattern != AccessPattern.Uniform) map.Add("skew", Num(skew));
        if (a.Shared is { } shared) map.Add("shared", Num(shared));
        return Flow(map);
    }

    private ScenarioBuilder AddClass(string className, int count, YamlMappingNode topology, SysctlOverrides? sysctl, ClassCosts? costs)
    {
        var map = YamlMaps.Map(("class", className), ("count", Int(count)), ("topology", topology));
        if (sysctl is { IsEmpty: false }) map.Add("sysctl", Sysctl(sysctl));
        if (costs is not null && costs != ClassCosts.None)
        {
            var c = new YamlMappingNode();
            if (costs.PteUpdate is { } pte) c.Add("pte_update", U.FormatDuration(pte));
            if (costs.HintFault is { } fault) c.Add("hint_fault", U.FormatDuration(fault));
            if (costs.MigratePage is { } migrate) c.Add("migrate_page", U.FormatDuration(migrate));
            map.Add("costs", Flow(c));
        }
        _fleet.Add(map);
        return this;
    }

    private ScenarioBuilder Set(string key, YamlNode value)
    {
        _root.Children[new YamlScalarNode(key)] = value;
        return this;
    }

    private ScenarioBuilder Set(string key, string value) => Set(key, new YamlScalarNode(value));

    private static T Flow<T>(T node) where T : YamlNode
    {
        switch (node)
        {
            case YamlMappingNode m: m.Style = YamlDotNet.Core.Events.MappingStyle.Flow; break;
            case YamlSequenceNode s: s.Style = YamlDotNet.Core.Events.SequenceStyle.Flow; break;
        }
        return node;
    }

    private static YamlSequenceNode Ints(IEnumerable<int> values) => Flow(new YamlSequenceNode(values.Select(v => new YamlScalarNode(Int(v)))));

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
