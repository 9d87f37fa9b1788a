namespace NumaActors.Topology;

/// <summary>
/// Checks a machine description against the rules of ACPI SLIT and of the simulator.
/// Every problem found is reported (not just the first), one <see cref="TopologyIssue"/> each,
/// in a fixed order: nodes first, then the distance matrix row by row, then the latency matrix.
/// </summary>
public static class TopologyValidator
{
    /// <summary>SLIT value of a node to itself (ACPI 6.5 §5.2.17).</summary>
    public const int LocalDistance = 10;

    /// <summary>Smallest and largest valid SLIT value between two different nodes.</summary>
    public const int MinRemoteDistance = 11;
    public const int MaxRemoteDistance = 254;

    /// <summary>SLIT "unreachable": firmware writes it for memory a node cannot reach directly.</summary>
    public const int UnreachableDistance = 255;

    public static IReadOnlyList<TopologyIssue> Validate(Machine machine)
    {
        var issues = new List<TopologyIssue>();
        var n = machine.NodeCount;
        if (n == 0)
        {
            issues.Add(Error("the machine has no nodes; it needs at least one node with CPUs and memory"));
            return issues;
        }
        CheckNodeIds(machine, issues);
        CheckNodeResources(machine, issues);
        CheckDistances(machine, issues);
        CheckLatencies(machine, issues);
        return issues;
    }

    private static void CheckNodeIds(Machine machine, List<TopologyIssue> issues)
    {
        var n = machine.NodeCount;
        var firstEntryWithId = new int?[n];
        for (var i = 0; i < n; i++)
        {
            var id = machine.Nodes[i].Id;
            if (id < 0 || id >= n)
            {
                issues.Add(Error($"node entry {i} has id {id}; with {n} nodes the ids must be 0..{n - 1}", nodeIndex: i));
                continue;
            }
            if (firstEntryWithId[id] is { } first)
            {
                issues.Add(Error($"node id {id} appears twice (entries {first} and {i}); each id must appear once", nodeIndex: i));
                continue;
            }
            firstEntryWithId[id] = i;
            // Distance row i belongs to node entry i, so ids must follow the entries' order.
            if (id != i)
                issues.Add(Error($"node entry {i} has id {id}; list the nodes in id order so that entry {i} is node {i} and matches distance row {i}", nodeIndex: i));
        }
        for (var id = 0; id < n; id++)
            if (firstEntryWithId[id] is null)
                issues.Add(Error($"no node has id {id}; with {n} nodes the ids must be 0..{n - 1}, each once"));
    }

    private static void CheckNodeResources(Machine machine, List<TopologyIssue> issues)
    {
        for (var i = 0; i < machine.NodeCount; i++)
        {
            var node = machine.Nodes[i];
            if (node.Cpus < 0)
                issues.Add(Error($"node {node.Id} has {node.Cpus} CPUs; the CPU count must be 0 (memory-only node) or more", nodeIndex: i));
            if (node.MemoryBytes <= 0)
                issues.Add(Error($"node {node.Id} has memory {node.MemoryBytes} bytes; every node needs memory > 0", nodeIndex: i));
        }
        if (!machine.Nodes.Any(node => node.Cpus > 0))
            issues.Add(Error("no node has CPUs; at least one node must have CPUs to run tasks"));
    }

    private static void CheckDistances(Machine machine, List<TopologyIssue> issues)
    {
        var n = machine.NodeCount;
        var rows = machine.Distances;
        if (rows.Length != n)
            issues.Add(Error($"the distance matrix has {Counted.Of(rows.Length, "row")}; expected {n}, one per node"));
        for (var r = 0; r < rows.Length; r++)
            if (rows[r].Length != n)
                issues.Add(Error($"distance row {r} has {Counted.Of(rows[r].Length, "value")}; expected {n}, one per node", row: r));

        for (var r = 0; r < Math.Min(rows.Length, n); r++)
        {
            for (var c = 0; c < Math.Min(rows[r].Length, n); c++)
            {
                var d = rows[r][c];
                if (r == c)
                {
                    if (d != LocalDistance)
                        issues.Add(Error($"distance[{r}][{c}] is {d}; a node's distance to itself must be {LocalDistance}", row: r, column: c));
                    continue;
                }
                if (d == UnreachableDistance)
                {
                    issues.Add(UnreachableIssue(machine, r, c));
                    continue;
                }
                if (d < MinRemoteDistance || d > MaxRemoteDistance)
                    issues.Add(Error($"distance[{r}][{c}] is {d}; distances between different nodes must be {MinRemoteDistance}..{MaxRemoteDistance} ({LocalDistance} means local, {UnreachableDistance} unreachable)", row: r, column: c));
            }
        }

        // Asymmetric tables are legal in ACPI and real firmware has shipped them (e.g. the
        // Bergamo + CXL table of field-notes §3.7), so they are accepted with a warning. A pair with an
        // out-of-range or unreachable value already has its own issue and gets no second one here.
        for (var r = 0; r < Math.Min(rows.Length, n); r++)
            for (var c = r + 1; c < Math.Min(rows[r].Length, n); c++)
                if (c < rows.Length && r < rows[c].Length && rows[r][c] != rows[c][r]
                    && IsRemoteDistance(rows[r][c]) && IsRemoteDistance(rows[c][r]))
                    issues.Add(Warning($"distance[{r}][{c}] is {rows[r][c]} but distance[{c}][{r}] is {rows[c][r]}; an asymmetric matrix is accepted as firmware reports it", row: r, column: c));
    }

    private static bool IsRemoteDistance(int d) => d is >= MinRemoteDistance and <= MaxRemoteDistance;

    private static TopologyIssue UnreachableIssue(Machine machine, int r, int c)
    {
        // ACPI: 255 means "unreachable". Firmware writes it in the row of a CPU-less node, whose
        // distance to other memory is never used by the scheduler (kernel-model §4.2: CPU-less
        // nodes are excluded from the topology type), so it is only a warning there.
        var cpuLess = !machine.Nodes[r].HasCpus ? r : !machine.Nodes[c].HasCpus ? c : (int?)null;
        return cpuLess is { } node
            ? Warning($"distance[{r}][{c}] is {UnreachableDistance} (unreachable); accepted because node {node} has no CPUs", row: r, column: c)
            : Error($"distance[{r}][{c}] is {UnreachableDistance} (unreachable) between nodes {r} and {c}, which both have CPUs; use a distance of {MinRemoteDistance}..{MaxRemoteDistance}", row: r, column: c);
    }

    private static void CheckLatencies(Machine machine, List<TopologyIssue> issues)
    {
        if (machine.LatencyNs is not { } latency) return;
        var n = machine.NodeCount;
        if (latency.Length != n)
            issues.Add(Error($"the latency matrix has {Counted.Of(latency.Length, "row")}; expected {n}, one per node"));
        for (var r = 0; r < latency.Length; r++)
        {
            if (latency[r].Length != n)
            {
                issues.Add(Error($"latency row {r} has {Counted.Of(latency[r].Length, "value")}; expected {n}, one per node", row: r));
                continue;
            }
            for (var c = 0; c < n; c++)
                if (!(latency[r][c] > 0) || double.IsInfinity(latency[r][c]))
                    issues.Add(Error($"latency[{r}][{c}] is {latency[r][c]} ns; latencies must be positive and finite", row: r, column: c));
        }
    }

    private static TopologyIssue Error(string message, int? nodeIndex = null, int? row = null, int? column = null) =>
        new(IssueSeverity.Error, message, nodeIndex, row, column);

    private static TopologyIssue Warning(string message, int? row = null, int? column = null) =>
        new(IssueSeverity.Warning, message, null, row, column);
}
