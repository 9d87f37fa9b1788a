using System.Collections.Immutable;
using NumaActors.Kernel.Hooks;
using YamlDotNet.RepresentationModel;

namespace NumaActors.Kernel.Scenarios;

/// <summary>
/// Turns a parsed YAML document into a <see cref="Scenario"/>, checking every rule of CONTRACT.md §2 and
/// reporting every problem at its node. One instance reads one file.
/// </summary>
internal sealed partial class ScenarioReader(
    DiagnosticBag diagnostics,
    IPolicyCatalog catalog,
    string baseDirectory,
    Func<NumaActors.Topology.Machine, IReadOnlyList<NumaActors.Topology.TopologyIssue>> validateTopology)
{
    private static readonly string[] TopKeys =
        ["version", "name", "seed", "duration", "tick", "hook_resolution", "region_size", "fault_grain", "fleet", "workloads", "policies", "timeline", "arms", "outputs"];

    /// <summary>The sizes the engine's regions are carved from are 4 KiB pages (DESIGN.md, cost model).</summary>
    private const long PageSize = 4096;

    private readonly NodeReader _r = new(diagnostics);
    private readonly List<ClassDraft> _classes = [];
    private readonly List<WorkloadDraft> _workloads = [];
    private readonly List<PolicyDraft> _policies = [];
    private readonly List<TimelineDraft> _timeline = [];
    private readonly List<ArmDraft> _arms = [];
    private TimeSpan? _duration;

    /// <summary>When the fleet itself is missing or not a list, class references are not reported as unknown.</summary>
    private bool _fleetUnreadable;
    private TimeSpan _tick = Scenario.DefaultTick;

    private DiagnosticBag Diagnostics => _r.Diagnostics;

    public Scenario? Read(YamlNode root, string? sourcePath)
    {
        var top = _r.Mapping(root, "the scenario", TopKeys, ["version", "name", "duration", "fleet", "workloads"]);
        if (top is null) return null;

        int? version = null;
        if (top.Get("version") is { } v)
        {
            version = (int?)_r.Int(v, "version", 0);
            if (version is not null and not 1)
            {
                Diagnostics.Error(v, $"unsupported scenario version {version}; this simulator reads version 1");
                version = null;
            }
        }
        var name = top.Get("name") is { } n ? _r.Name(n, "scenario name") : null;
        var seed = top.Get("seed") is { } s ? _r.UInt64(s, "seed") : Scenario.DefaultSeed;
        _duration = top.Get("duration") is { } d ? _r.Duration(d, "duration") : null;
        var tickOk = true;
        if (top.Get("tick") is { } t)
        {
            var tick = _r.Duration(t, "tick");
            if (tick is null) tickOk = false;
            else
            {
                _tick = tick.Value;
                if (_duration is { } dur && dur.Ticks % tick.Value.Ticks != 0)
                {
                    Diagnostics.Error(t, $"tick {Fmt(tick.Value)} does not divide duration {Fmt(dur)} evenly");
                    tickOk = false;
                }
            }
        }
        var resolution = top.Get("hook_resolution") is { } h
            ? _r.OneOf(h, "hook_resolution", "leaf", "nearest", "topmost") switch
            {
                "leaf" => HookResolution.Leaf,
                "nearest" => HookResolution.Nearest,
                "topmost" => HookResolution.Topmost,
                _ => (HookResolution?)null,
            }
            : HookResolution.Leaf;
        var regionSize = top.Get("region_size") is { } rs ? ReadRegionSize(rs) : Scenario.DefaultRegionSizeBytes;
        var faultGrain = top.Get("fault_grain") is { } fg ? ReadFaultGrain(fg, regionSize) : Scenario.DefaultFaultGrainBytes;

        if (top.Get("fleet") is { } fleet) ReadFleet(fleet);
        else _fleetUnreadable = true;
        if (top.Get("workloads") is { } workloads) ReadWorkloads(workloads);
        CheckClassMemory();
        if (top.Get("policies") is { } policies) ReadPolicies(policies);
        if (top.Get("timeline") is { } timeline) ReadTimeline(timeline);
        if (top.Get("arms") is { } arms) ReadArms(arms);
        else _arms.Add(new ArmDraft(Arm.Default, top.Node, []));
        CheckAttachConflicts(top.Has("arms"));
        var outputs = top.Get("outputs") is { } o ? ReadOutputs(o, tickOk) : Outputs.Default;
        if (!top.Has("outputs") && tickOk && top.Get("tick") is { } tickNode && Outputs.Default.TimeseriesInterval.Ticks % _tick.Ticks != 0)
            Diagnostics.Error(tickNode, $"tick {Fmt(_tick)} does not divide the default timeseries_interval {Fmt(Outputs.Default.TimeseriesInterval)}; set outputs.timeseries_interval to a whole number of ticks");

        if (Diagnostics.HasErrors || version is null || name is null || seed is null || _duration is null
            || resolution is null || regionSize is null || faultGrain is null || outputs is null)
            return null;
        return new Scenario(
            version.Value, name, seed.Value, _duration.Value, _tick, resolution.Value, regionSize.Value,
            _classes.Select(c => c.ToModel()!).ToImmutableArray(),
            _workloads.Select(w => w.ToModel()!).ToImmutableArray(),
            _policies.Select(p => p.Model!).ToImmutableArray(),
            _timeline.Select(e => e.Event).OrderBy(e => e.At).ToImmutableArray(), // stable: ties keep file order
            _arms.Select(a => a.Arm).ToImmutableArray(),
            outputs, sourcePath, baseDirectory) { FaultGrainBytes = faultGrain.Value };
    }

    private long? ReadRegionSize(YamlNode node)
    {
        var size = _r.Size(node, "region_size");
        if (size is null) return null;
        if (size.Value % PageSize == 0) return size;
        Diagnostics.Error(node, $"region_size must be a whole number of 4KiB pages, found '{((YamlScalarNode)node).Value}'");
        return null;
    }

    private long? ReadFaultGrain(YamlNode node, long? regionSize)
    {
        var size = _r.Size(node, "fault_grain");
        if (size is null) return null;
        // An unreadable region_size is reported on its own; the grain is then checked for whole pages only.
        if (Scenario.FaultGrainProblem(size.Value, regionSize ?? long.MaxValue, ((YamlScalarNode)node).Value ?? "") is not { } problem) return size;
        Diagnostics.Error(node, "fault_grain " + problem);
        return null;
    }

    private Outputs? ReadOutputs(YamlNode node, bool tickOk)
    {
        var map = _r.Mapping(node, "outputs", ["timeseries_interval"]);
        if (map is null) return null;
        if (map.Get("timeseries_interval") is not { } i) return Outputs.Default;
        var interval = _r.Duration(i, "timeseries_interval");
        if (interval is null) return null;
        if (tickOk && interval.Value.Ticks % _tick.Ticks != 0)
        {
            Diagnostics.Error(i, $"timeseries_interval {Fmt(interval.Value)} must be a whole number of ticks ({Fmt(_tick)})");
            return null;
        }
        return new Outputs(interval.Value);
    }

    private static string Fmt(TimeSpan t) => NumaActors.Topology.Units.Units.FormatDuration(t);

    private static string Fmt(long bytes) => NumaActors.Topology.Units.Units.FormatSize(bytes);

    private static string Fmt(decimal bytes) => bytes <= long.MaxValue ? Fmt((long)bytes) : $"{bytes}B";

    private static string List(IEnumerable<string> names)
    {
        var all = names.ToList();
        return all.Count == 0 ? "(none)" : string.Join(", ", all);
    }
}
