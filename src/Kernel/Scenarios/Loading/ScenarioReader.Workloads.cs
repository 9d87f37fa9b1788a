using NumaActors.Topology;
using YamlDotNet.RepresentationModel;

namespace NumaActors.Kernel.Scenarios;

internal sealed partial class ScenarioReader
{
    private static readonly string[] WorkloadKeys =
        ["name", "class", "per_server", "servers", "cgroup", "tasks", "memory", "cpuset", "pin", "initial_memory", "access", "latency_sensitive"];
    private static readonly string[] AccessKeys = ["rate", "pattern", "skew", "shared"];

    private void ReadWorkloads(YamlNode node)
    {
        var items = _r.Sequence(node, "workloads");
        if (items is null) return;
        if (items.Count == 0) Diagnostics.Error(node, "workloads must list at least one workload");
        foreach (var item in items)
        {
            var w = new WorkloadDraft(item);
            _workloads.Add(w);
            var map = _r.Mapping(item, "a workload", WorkloadKeys, ["name", "class", "tasks", "memory", "access"]);
            if (map is null) { w.Valid = false; continue; }
            if (map.Get("name") is { } n)
            {
                w.Name = _r.Name(n, "workload name");
                if (w.Name is not null && _workloads.FirstOrDefault(o => o != w && o.Name == w.Name) is { } first)
                    Diagnostics.Error(n, $"duplicate workload name '{w.Name}' (first defined at line {first.Node.Start.Line})");
            }
            if (map.Get("class") is { } c) { w.Class = _r.Scalar(c, "class"); w.ClassNode = c; }
            ReadInstanceCount(map, "workload", out var perServer, out var servers, out var countNode, allowZero: false);
            (w.PerServer, w.Servers, w.CountNode) = (perServer, servers, countNode);
            w.Cgroup = map.Get("cgroup") is { } cg ? ReadCgroup(cg) : w.Name is null ? null : Workload.DefaultCgroup(w.Name);
            if (map.Get("tasks") is { } t) w.Tasks = (int?)_r.Int(t, "tasks", 1);
            if (map.Get("memory") is { } m) { w.MemoryBytes = _r.Size(m, "memory"); w.MemoryNode = m; }
            if (map.Get("cpuset") is { } cs) { w.Cpuset = _r.NodeIds(cs, "cpuset"); w.Valid &= w.Cpuset is not null; }
            if (map.Get("pin") is { } p) { w.Pin = _r.NodeIds(p, "pin"); w.Valid &= w.Pin is not null; }
            w.InitialMemoryNode = map.Get("initial_memory");
            w.InitialMemory = w.InitialMemoryNode is { } im ? ReadInitialMemory(im) : InitialMemory.FirstTouch;
            if (map.Get("access") is { } a) w.Access = ReadAccess(a);
            w.LatencySensitive = map.Get("latency_sensitive") is { } ls ? _r.Bool(ls, "latency_sensitive") : false;
            CheckPlacement(w);
        }
    }

    /// <summary>Exactly one of <c>per_server</c> (instances on every server) and <c>servers</c> (servers with one instance).</summary>
    private void ReadInstanceCount(MappingView map, string what, out int? perServer, out int? servers, out YamlNode? countNode, bool allowZero)
    {
        perServer = servers = null;
        countNode = null;
        var given = map.Present("per_server", "servers");
        if (given.Count == 0)
        {
            Diagnostics.Error(map.Node, $"{what} needs exactly one of per_server, servers");
            return;
        }
        if (given.Count > 1)
        {
            Diagnostics.Error(map.KeyNode(given[1])!, $"{what} needs exactly one of per_server, servers; '{given[0]}' is already given");
            return;
        }
        countNode = map.Get(given[0])!;
        var count = (int?)_r.Int(countNode, given[0], allowZero ? 0 : 1);
        if (given[0] == "per_server") perServer = count; else servers = count;
    }

    private string? ReadCgroup(YamlNode node)
    {
        var path = _r.Scalar(node, "cgroup");
        if (path is null) return null;
        if (path.StartsWith('/') && !path.EndsWith('/') && !path.Contains("//") && !path.Any(char.IsWhiteSpace)) return path;
        Diagnostics.Error(node, $"cgroup '{path}' must be an absolute path like /kubepods/burstable/redis (no trailing '/', no spaces)");
        return null;
    }

    private InitialMemory? ReadInitialMemory(YamlNode node)
    {
        var text = _r.Scalar(node, "initial_memory");
        switch (text)
        {
            case null: return null;
            case "first-touch": return InitialMemory.FirstTouch;
            case "interleave": return new InitialMemory(InitialMemoryKind.Interleave);
            case "spread": return new InitialMemory(InitialMemoryKind.Spread);
        }
        if (text.StartsWith("node:", StringComparison.Ordinal) && int.TryParse(text.AsSpan(5), out var id) && id >= 0)
            return new InitialMemory(InitialMemoryKind.Node, id);
        Diagnostics.Error(node, $"initial_memory must be one of first-touch, interleave, node:N, spread, found '{text}'");
        return null;
    }

    private AccessModel? ReadAccess(YamlNode node)
    {
        var map = _r.Mapping(node, "access", AccessKeys, ["rate"]);
        if (map is null) return null;
        var change = ReadAccessFields(map);
        if (change is null || change.RatePerSecond is null) return null;
        var pattern = change.Pattern ?? AccessPattern.Uniform;
        var skew = change.Skew ?? pattern switch
        {
            AccessPattern.Zipf => AccessModel.DefaultZipfSkew,
            AccessPattern.Hotset => AccessModel.DefaultHotsetFraction,
            _ => 0,
        };
        if (pattern == AccessPattern.Uniform && map.Get("skew") is { } s)
            Diagnostics.Warning(s, "skew has no effect with pattern uniform");
        return new AccessModel(change.RatePerSecond.Value, pattern, skew, change.Shared ?? 0);
    }

    /// <summary>The access fields present; skew is a zipf exponent (&gt; 0) or a hot fraction (0, 1] for hotset.</summary>
    private AccessChange? ReadAccessFields(MappingView map)
    {
        var ok = true;
        var rate = map.Get("rate") is { } r ? _r.Rate(r, "rate") : null;
        ok &= rate is not null || !map.Has("rate");
        var pattern = map.Get("pattern") is { } p
            ? _r.OneOf(p, "pattern", "uniform", "zipf", "hotset") switch
            {
                "uniform" => AccessPattern.Uniform,
                "zipf" => AccessPattern.Zipf,
                "hotset" => AccessPattern.Hotset,
                _ => (AccessPattern?)null,
            }
            : null;
        ok &= pattern is not null || !map.Has("pattern");
        double? skew = null;
        if (map.Get("skew") is { } s)
        {
            skew = pattern == AccessPattern.Hotset
                ? _r.Fraction(s, "skew (the hot fraction of memory for hotset)", 0, 1, minExclusive: true)
                : _r.Fraction(s, "skew", 0, double.PositiveInfinity, minExclusive: true);
            ok &= skew is not null;
        }
        var shared = map.Get("shared") is { } sh ? _r.Fraction(sh, "shared", 0, 1, minExclusive: false) : null;
        ok &= shared is not null || !map.Has("shared");
        return ok ? new AccessChange(rate, pattern, skew, shared) : null;
    }

    /// <summary>Checks a workload against its class's machine: nodes named, servers available, memory that fits.</summary>
    private void CheckPlacement(WorkloadDraft w)
    {
        if (w.Class is null || w.ClassNode is null) return;
        var cls = _classes.FirstOrDefault(c => c.RawName == w.Class);
        if (cls is null)
        {
            if (_fleetUnreadable) return;
            Diagnostics.Error(w.ClassNode, $"unknown class '{w.Class}'; classes: {List(_classes.Where(c => c.Name is not null).Select(c => c.Name!))}");
            return;
        }
        if (w.Servers is { } servers && cls.Count is { } count && servers > count)
            Diagnostics.Error(w.CountNode!, $"servers: {servers} is more than the {count} servers of class '{cls.Name}'");
        if (cls.Machine is not { } machine || cls.Name is null) return;
        foreach (var (id, node) in w.Cpuset ?? []) CheckCpuNode(machine, cls.Name!, id, node, "cpuset");
        foreach (var (id, node) in w.Pin ?? [])
        {
            if (!CheckCpuNode(machine, cls.Name!, id, node, "pin")) continue;
            if (w.Cpuset is { } cpuset && cpuset.All(c => c.Id != id))
                Diagnostics.Error(node, $"pin names node {id}, which is not in the workload's cpuset");
        }
        if (w.InitialMemory is { Kind: InitialMemoryKind.Node, Node: { } start } && machine.Nodes.All(n => n.Id != start))
            Diagnostics.Error(w.InitialMemoryNode!, $"initial_memory names node {start}, but class '{cls.Name}' has nodes {NodeIds(machine)}");
        if (cls.Name is null) return;
        w.MemoryFits = CheckMemoryFits(w, cls, machine, w.PerServer ?? 1, w.MemoryNode);
    }

    private bool CheckCpuNode(Machine machine, string className, int id, YamlNode node, string what)
    {
        var numa = machine.Nodes.FirstOrDefault(n => n.Id == id);
        if (numa is null)
        {
            Diagnostics.Error(node, $"{what} names node {id}, but class '{className}' has nodes {NodeIds(machine)}");
            return false;
        }
        if (!numa.HasCpus)
        {
            Diagnostics.Error(node, $"{what} names node {id}, which has no CPUs (a memory-only node)");
            return false;
        }
        return true;
    }

    /// <summary>
    /// One server must hold <paramref name="instances"/> × memory. With a cpuset the tasks run on those
    /// nodes, so their memory counts, plus memory-only nodes, which take demoted pages (kernel-model.md §5.3).
    /// </summary>
    private bool CheckMemoryFits(WorkloadDraft w, ClassDraft cls, Machine machine, int instances, YamlNode? at)
    {
        if (w.MemoryBytes is not { } memory || at is null || instances == 0) return true;
        var need = (decimal)memory * instances;
        var nodes = w.Cpuset is { } cpuset
            ? machine.Nodes.Where(n => !n.HasCpus || cpuset.Any(c => c.Id == n.Id)).ToList()
            : machine.Nodes.ToList();
        var have = nodes.Sum(n => (decimal)n.MemoryBytes); // decimal: inline sizes may sum past long
        if (need <= have) return true;
        var where = w.Cpuset is null ? $"a server of class '{cls.Name}' has {Fmt(have)}" : $"its cpuset nodes (and memory-only nodes) have {Fmt(have)}";
        Diagnostics.Error(at, $"workload '{w.Name}' needs {instances} × {Fmt(memory)} = {Fmt(need)} per server, but {where}");
        return false;
    }

    /// <summary>Everything placed on one server of a class must fit its memory together.</summary>
    private void CheckClassMemory()
    {
        foreach (var cls in _classes.Where(c => c.Machine is not null && c.Name is not null && c.Count is not null))
        {
            var onClass = _workloads.Where(w => w.Class == cls.Name && w.MemoryBytes is not null && (w.PerServer ?? w.Servers) is not null).ToList();
            // A `servers: N` workload lands on ceil(N / count) instances per server at worst.
            var need = onClass.Sum(w => (decimal)w.MemoryBytes!.Value * (w.PerServer ?? (w.Servers!.Value + cls.Count!.Value - 1) / cls.Count!.Value));
            var have = cls.Machine!.Nodes.Sum(n => (decimal)n.MemoryBytes);
            if (onClass.Count > 1 && need > have && onClass.All(w => w.MemoryFits))
                Diagnostics.Error(cls.Node, $"the workloads of class '{cls.Name}' need {Fmt(need)} per server together ({string.Join(", ", onClass.Select(w => w.Name))}), but a server has {Fmt(have)}");
        }
    }

    private static string NodeIds(Machine machine) => string.Join(", ", machine.Nodes.Select(n => n.Id));
}
