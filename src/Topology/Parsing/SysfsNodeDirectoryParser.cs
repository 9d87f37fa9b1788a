using System.Globalization;
using System.Text.RegularExpressions;

namespace NumaActors.Topology.Parsing;

/// <summary>
/// Reads a copy of <c>/sys/devices/system/node</c>: one <c>nodeN</c> directory per node with
/// <c>cpulist</c> ("0-23,96-119", empty for a memory-only node), <c>meminfo</c>
/// ("Node 0 MemTotal:       263856508 kB") and <c>distance</c> (one line, a value per node).
/// Other entries (online, possible, has_cpu, ...) are ignored. Errors name the file inside the copy.
/// </summary>
public static partial class SysfsNodeDirectoryParser
{
    [GeneratedRegex(@"^node(\d+)$")]
    private static partial Regex NodeDirectory();

    [GeneratedRegex(@"^Node\s+(\d+)\s+MemTotal:\s+(\d+)\s+kB\s*$")]
    private static partial Regex MemTotal();

    [GeneratedRegex(@"\S+")]
    private static partial Regex Token();

    public static TopologyLoadResult Parse(string directory, string machineName)
    {
        var errors = new List<TopologyParseError>();
        var nodeDirs = new List<(int Id, string Path)>();
        foreach (var dir in Directory.EnumerateDirectories(directory))
        {
            var m = NodeDirectory().Match(Path.GetFileName(dir));
            if (m.Success && int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                nodeDirs.Add((id, dir));
        }
        // Directory listing order is the file system's; node order must not depend on it.
        nodeDirs.Sort((a, b) => a.Id.CompareTo(b.Id));
        if (nodeDirs.Count == 0)
        {
            errors.Add(new TopologyParseError(directory, 1, 1, "no nodeN directories here; expected a copy of /sys/devices/system/node"));
            return new TopologyLoadResult(null, errors);
        }

        var nodes = new List<NumaNode>();
        var distances = new List<int[]>();
        foreach (var (id, dir) in nodeDirs)
        {
            var cpus = ReadCpus(Path.Combine(dir, "cpulist"), errors);
            var memory = ReadMemTotal(Path.Combine(dir, "meminfo"), id, errors);
            distances.Add(ReadDistances(Path.Combine(dir, "distance"), nodeDirs.Count, errors));
            if (cpus is { } c && memory is { } bytes)
                nodes.Add(new NumaNode(id, c, bytes, CpuLessTierRule.TierFor(c)));
        }
        if (errors.Count > 0) return new TopologyLoadResult(null, errors);
        return new TopologyLoadResult(new Machine(machineName, nodes, distances.ToArray()), errors);
    }

    private static int? ReadCpus(string file, List<TopologyParseError> errors)
    {
        if (!TryReadLines(file, errors, out var lines)) return null;
        var text = lines.Count > 0 ? lines[0] : "";
        if (CpuListParser.TryCount(text, commaSeparated: true, out var count, out var offset, out var error)) return count;
        errors.Add(new TopologyParseError(file, 1, offset + 1, error));
        return null;
    }

    private static long? ReadMemTotal(string file, int id, List<TopologyParseError> errors)
    {
        if (!TryReadLines(file, errors, out var lines)) return null;
        for (var i = 0; i < lines.Count; i++)
        {
            var m = MemTotal().Match(lines[i]);
            if (!m.Success) continue;
            if (m.Groups[1].Value != id.ToString(CultureInfo.InvariantCulture))
            {
                errors.Add(new TopologyParseError(file, i + 1, m.Groups[1].Index + 1, $"this is node{id}/meminfo but the line is about node {m.Groups[1].Value}"));
                return null;
            }
            // meminfo's "kB" is KiB (the kernel prints pages << (PAGE_SHIFT - 10)).
            if (long.TryParse(m.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var kib) && kib < long.MaxValue / 1024)
                return kib * 1024;
            errors.Add(new TopologyParseError(file, i + 1, m.Groups[2].Index + 1, $"MemTotal '{m.Groups[2].Value}' is too large"));
            return null;
        }
        errors.Add(new TopologyParseError(file, Math.Max(lines.Count, 1), 1, $"no 'Node {id} MemTotal: X kB' line"));
        return null;
    }

    private static int[] ReadDistances(string file, int nodeCount, List<TopologyParseError> errors)
    {
        if (!TryReadLines(file, errors, out var lines)) return [];
        var text = lines.Count > 0 ? lines[0] : "";
        var row = new List<int>();
        var tokens = Token().Matches(text);
        foreach (Match t in tokens)
        {
            if (int.TryParse(t.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var d)) row.Add(d);
            else errors.Add(new TopologyParseError(file, 1, t.Index + 1, $"distance '{t.Value}' is not a whole number"));
        }
        if (tokens.Count != nodeCount)
            errors.Add(new TopologyParseError(file, 1, tokens.Count > nodeCount ? tokens[nodeCount].Index + 1 : text.Length + 1,
                $"the line has {Counted.Of(tokens.Count, "distance")}; expected {nodeCount}, one per nodeN directory"));
        for (var i = 1; i < lines.Count; i++)
            if (lines[i].Trim().Length > 0)
                errors.Add(new TopologyParseError(file, i + 1, 1, "distance has one line; unexpected second line"));
        return row.ToArray();
    }

    private static bool TryReadLines(string file, List<TopologyParseError> errors, out List<string> lines)
    {
        lines = [];
        if (!File.Exists(file))
        {
            errors.Add(new TopologyParseError(file, 1, 1, "missing file"));
            return false;
        }
        try
        {
            lines = File.ReadAllText(file).Replace("\r\n", "\n").Split('\n').ToList();
            if (lines.Count > 1 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new TopologyParseError(file, 1, 1, $"cannot read: {e.Message}"));
            return false;
        }
    }
}
