using System.Globalization;
using System.Text.RegularExpressions;

namespace NumaActors.Topology.Parsing;

/// <summary>
/// Reads <c>numactl --hardware</c> output (numactl 2.x): <c>available: N nodes (...)</c>, per node
/// <c>node N cpus: ...</c> (empty for a memory-only node), <c>node N size: X MB</c>, <c>node N free: X MB</c>,
/// then <c>node distances:</c>, a header <c>node   0   1</c> and one row <c>  0:  10  21</c> per node.
/// numactl prints sizes as bytes &gt;&gt; 20, so "MB" is MiB. Every problem is a line-numbered error.
/// </summary>
public static partial class NumactlHardwareParser
{
    private const long MiB = 1L << 20;

    [GeneratedRegex(@"^available:\s+(\d+)\s+nodes?\s+\([^)]*\)\s*$")]
    private static partial Regex Available();

    [GeneratedRegex(@"^node\s+(\d+)\s+(cpus|size|free):(.*)$")]
    private static partial Regex NodeField();

    [GeneratedRegex(@"^\s*(\d+)\s+MB\s*$")]
    private static partial Regex Megabytes();

    [GeneratedRegex(@"^node\s+distances:\s*$")]
    private static partial Regex DistancesStart();

    [GeneratedRegex(@"^node((?:\s+\d+)+)\s*$")]
    private static partial Regex DistanceHeader();

    [GeneratedRegex(@"^\s*(\d+):(.*)$")]
    private static partial Regex DistanceRow();

    [GeneratedRegex(@"^No distance information available\.?\s*$")]
    private static partial Regex NoDistances();

    [GeneratedRegex(@"\S+")]
    private static partial Regex Token();

    // Abandoned: the table is broken; the lines after that mistake are not reported again one by one.
    private enum Phase { Nodes, DistanceHeader, DistanceRows, Done, Abandoned }

    private sealed class NodeDraft(int id, int line)
    {
        public int Id { get; } = id;
        public int Line { get; } = line;
        public int? Cpus { get; set; }
        public long? MemoryBytes { get; set; }

        // A field line that was present but unreadable has its own error; no "missing" error on top.
        public bool CpusSeen { get; set; }
        public bool SizeSeen { get; set; }
    }

    public static TopologyLoadResult Parse(string file, string text, string machineName)
    {
        var errors = new List<TopologyParseError>();
        var lines = SplitLines(text);
        void Fail(int line, int column, string message) => errors.Add(new TopologyParseError(file, line, column, message));

        var first = lines.FindIndex(l => l.Trim().Length > 0);
        if (first < 0)
        {
            Fail(1, 1, "the file is empty; expected numactl --hardware output starting with 'available: N nodes (...)'");
            return new TopologyLoadResult(null, errors);
        }
        var available = Available().Match(lines[first]);
        if (!available.Success)
        {
            Fail(first + 1, FirstNonBlank(lines[first]), "expected 'available: N nodes (...)', the first line of numactl --hardware output");
            return new TopologyLoadResult(null, errors);
        }
        if (!TryInt(available.Groups[1].Value, out var declared))
        {
            Fail(first + 1, available.Groups[1].Index + 1, $"node count '{available.Groups[1].Value}' is too large");
            declared = -1;
        }

        var nodes = new List<NodeDraft>();
        var byId = new Dictionary<int, NodeDraft>();
        var header = new List<int>();
        var distances = new List<int[]>();
        var phase = Phase.Nodes;

        for (var i = first + 1; i < lines.Count; i++)
        {
            var line = lines[i];
            var lineNo = i + 1;
            if (line.Trim().Length == 0) continue;
            switch (phase)
            {
                case Phase.Nodes:
                {
                    if (DistancesStart().IsMatch(line)) { phase = Phase.DistanceHeader; continue; }
                    if (NoDistances().IsMatch(line))
                    {
                        Fail(lineNo, 1, "numactl found no distance information; the simulator needs the node distance table");
                        phase = Phase.Abandoned;
                        continue;
                    }
                    var m = NodeField().Match(line);
                    if (!m.Success)
                    {
                        Fail(lineNo, FirstNonBlank(line), "expected 'node N cpus:', 'node N size:', 'node N free:' or 'node distances:'");
                        continue;
                    }
                    if (!TryInt(m.Groups[1].Value, out var id))
                    {
                        Fail(lineNo, m.Groups[1].Index + 1, $"node number '{m.Groups[1].Value}' is too large");
                        continue;
                    }
                    ReadNodeField(m, id, lineNo, nodes, byId, Fail);
                    break;
                }
                case Phase.DistanceHeader:
                {
                    var m = DistanceHeader().Match(line);
                    if (!m.Success)
                    {
                        Fail(lineNo, FirstNonBlank(line), "expected the distance table header 'node   0   1 ...' after 'node distances:'");
                        phase = Phase.Abandoned;
                        continue;
                    }
                    foreach (Match t in Token().Matches(m.Groups[1].Value))
                    {
                        if (TryInt(t.Value, out var id)) header.Add(id);
                        else Fail(lineNo, m.Groups[1].Index + t.Index + 1, $"node number '{t.Value}' is too large");
                    }
                    var expected = nodes.Select(n => n.Id).ToList();
                    if (!header.SequenceEqual(expected))
                        Fail(lineNo, m.Groups[1].Index + 1, $"the distance table is for nodes {List(header)} but the nodes listed above are {List(expected)}");
                    phase = header.Count > 0 ? Phase.DistanceRows : Phase.Abandoned;
                    break;
                }
                case Phase.DistanceRows:
                {
                    var m = DistanceRow().Match(line);
                    if (!m.Success)
                    {
                        Fail(lineNo, FirstNonBlank(line), $"expected the distance row '{header[distances.Count]}: ...' of node {header[distances.Count]}");
                        phase = Phase.Abandoned;
                        continue;
                    }
                    var expectedId = header[distances.Count];
                    if (!TryInt(m.Groups[1].Value, out var rowId) || rowId != expectedId)
                        Fail(lineNo, m.Groups[1].Index + 1, $"distance row for node {m.Groups[1].Value} where the row for node {expectedId} was expected");
                    distances.Add(ReadRow(m.Groups[2], header.Count, lineNo, Fail));
                    if (distances.Count == header.Count) phase = Phase.Done;
                    break;
                }
                case Phase.Done:
                    Fail(lineNo, FirstNonBlank(line), "unexpected text after the distance table");
                    break;
                case Phase.Abandoned:
                    break;
            }
        }

        var lastLine = lines.Count;
        var endColumn = lines[^1].Length + 1;
        if (phase is Phase.Nodes or Phase.DistanceHeader)
            Fail(lastLine, endColumn, "the file ends before the node distance table (is the output truncated?)");
        else if (phase == Phase.DistanceRows)
            Fail(lastLine, endColumn, $"the file ends after {distances.Count} of {header.Count} distance rows (is the output truncated?)");

        if (declared >= 0 && nodes.Count > declared)
            Fail(nodes[declared].Line, 1, $"node {nodes[declared].Id} is more than the {Counted.Of(declared, "node")} declared on line {first + 1}");
        else if (nodes.Count < declared)
            Fail(first + 1, available.Groups[1].Index + 1, $"{Counted.Of(declared, "node")} declared here but {nodes.Count} listed");
        foreach (var n in nodes)
        {
            if (!n.CpusSeen) Fail(n.Line, 1, $"node {n.Id} has no 'node {n.Id} cpus:' line");
            if (!n.SizeSeen) Fail(n.Line, 1, $"node {n.Id} has no 'node {n.Id} size:' line");
        }

        if (errors.Count > 0) return new TopologyLoadResult(null, errors);
        var machine = new Machine(
            machineName,
            nodes.Select(n => new NumaNode(n.Id, n.Cpus!.Value, n.MemoryBytes!.Value, CpuLessTierRule.TierFor(n.Cpus.Value))),
            distances.ToArray());
        return new TopologyLoadResult(machine, errors);
    }

    private static void ReadNodeField(Match m, int id, int lineNo, List<NodeDraft> nodes, Dictionary<int, NodeDraft> byId, Action<int, int, string> fail)
    {
        if (!byId.TryGetValue(id, out var node))
        {
            node = new NodeDraft(id, lineNo);
            byId[id] = node;
            nodes.Add(node);
        }
        var field = m.Groups[2].Value;
        var value = m.Groups[3];
        switch (field)
        {
            case "cpus":
                if (node.CpusSeen) { fail(lineNo, 1, $"node {id} has a second 'cpus:' line"); return; }
                node.CpusSeen = true;
                if (CpuListParser.TryCount(value.Value, commaSeparated: false, out var cpus, out var offset, out var error))
                    node.Cpus = cpus;
                else
                    fail(lineNo, value.Index + offset + 1, error);
                break;
            case "size":
                if (node.SizeSeen) { fail(lineNo, 1, $"node {id} has a second 'size:' line"); return; }
                node.SizeSeen = true;
                var mb = Megabytes().Match(value.Value);
                if (mb.Success && long.TryParse(mb.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size < long.MaxValue / MiB)
                    node.MemoryBytes = size * MiB;
                else
                    fail(lineNo, value.Index + FirstNonBlank(value.Value), $"node {id} size '{value.Value.Trim()}' is not 'X MB'");
                break;
            // 'free:' changes from run to run and plays no part in the machine model.
        }
    }

    private static int[] ReadRow(Group values, int expected, int lineNo, Action<int, int, string> fail)
    {
        var row = new List<int>();
        var tokens = Token().Matches(values.Value);
        foreach (Match t in tokens)
        {
            if (TryInt(t.Value, out var d)) row.Add(d);
            else fail(lineNo, values.Index + t.Index + 1, $"distance '{t.Value}' is not a whole number");
        }
        if (tokens.Count != expected)
        {
            var column = tokens.Count > expected ? values.Index + tokens[expected].Index + 1 : values.Index + values.Length + 1;
            fail(lineNo, column, $"the row has {Counted.Of(tokens.Count, "distance")}; expected {expected}, one per node in the header");
        }
        return row.ToArray();
    }

    private static List<string> SplitLines(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').ToList();
        if (lines.Count > 1 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    private static bool TryInt(string s, out int value) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static int FirstNonBlank(string line)
    {
        var i = 0;
        while (i < line.Length && char.IsWhiteSpace(line[i])) i++;
        return i + 1;
    }

    private static string List(IEnumerable<int> ids) => "[" + string.Join(", ", ids) + "]";
}
