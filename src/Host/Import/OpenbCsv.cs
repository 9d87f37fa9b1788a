using System.Globalization;

namespace NumaActors.Host.Import;

/// <summary>
/// Reads the OpenB node and pod lists (data/openb/README.md). Bad rows are reported with
/// FILE:LINE:COLUMN and never throw; a list with any error yields null.
/// </summary>
public static class OpenbCsv
{
    private static readonly string[] NodeColumns = ["sn", "cpu_milli", "memory_mib"];
    private static readonly string[] PodColumns = ["name", "cpu_milli", "memory_mib", "qos", "creation_time", "deletion_time", "scheduled_time"];

    /// <summary>The qos values of the trace, and the cgroup folder each maps to.</summary>
    public static readonly IReadOnlyList<string> QosClasses = ["LS", "BE", "Burstable", "Guaranteed"];

    public static IReadOnlyList<OpenbNode>? ReadNodes(string file, string text, List<ImportError> errors)
    {
        var before = errors.Count;
        var table = CsvTable.Parse(file, text, NodeColumns, errors);
        if (table is null) return null;
        var nodes = new List<OpenbNode>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var reader = new RowReader(table, row, errors);
            var name = reader.Name("sn", names);
            var cpu = reader.Long("cpu_milli", min: 1);
            var memory = reader.Long("memory_mib", min: 1);
            if (name is null || cpu is null || memory is null) continue;
            nodes.Add(new OpenbNode(nodes.Count, name, cpu.Value, memory.Value));
        }
        if (errors.Count == before && nodes.Count == 0) errors.Add(new ImportError(file, 2, 1, "no nodes listed"));
        return errors.Count == before ? nodes : null;
    }

    public static IReadOnlyList<OpenbPod>? ReadPods(string file, string text, List<ImportError> errors)
    {
        var before = errors.Count;
        var table = CsvTable.Parse(file, text, PodColumns, errors);
        if (table is null) return null;
        var pods = new List<OpenbPod>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var reader = new RowReader(table, row, errors);
            var name = reader.Name("name", names);
            var cpu = reader.Long("cpu_milli", min: 0);
            var memory = reader.Long("memory_mib", min: 0);
            var qos = reader.OneOf("qos", QosClasses);
            var phase = table.Column("pod_phase") is { } p ? row.Fields[p].Text.Trim() : "";
            var created = reader.Long("creation_time", min: 0);
            var deleted = reader.Long("deletion_time", min: 0);
            var scheduled = reader.OptionalLong("scheduled_time", min: 0, out var scheduledOk);
            if (name is null || cpu is null || memory is null || qos is null || created is null || deleted is null || !scheduledOk) continue;
            if (deleted < created)
            {
                reader.Error("deletion_time", $"deletion_time {deleted} is before creation_time {created}");
                continue;
            }
            pods.Add(new OpenbPod(pods.Count, name, cpu.Value, memory.Value, qos, phase, created.Value, deleted.Value, scheduled));
        }
        if (errors.Count == before && pods.Count == 0) errors.Add(new ImportError(file, 2, 1, "no pods listed"));
        return errors.Count == before ? pods : null;
    }

    /// <summary>Field access by column name with positioned errors.</summary>
    private sealed class RowReader(CsvTable table, CsvRow row, List<ImportError> errors)
    {
        public CsvField Field(string column) => row.Fields[table.Column(column)!.Value];

        public void Error(string column, string message) =>
            errors.Add(new ImportError(table.File, row.Line, Field(column).Column, message));

        public string? Name(string column, HashSet<string> seen)
        {
            var text = Field(column).Text.Trim();
            if (text.Length == 0) { Error(column, $"{column} is empty"); return null; }
            if (!seen.Add(text)) { Error(column, $"duplicate {column} '{text}'"); return null; }
            return text;
        }

        public long? Long(string column, long min)
        {
            var text = Field(column).Text.Trim();
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min) return value;
            Error(column, $"{column} must be a whole number ≥ {min}, found '{text}'");
            return null;
        }

        public long? OptionalLong(string column, long min, out bool ok)
        {
            ok = true;
            if (Field(column).Text.Trim().Length == 0) return null;
            var value = Long(column, min);
            ok = value is not null;
            return value;
        }

        public string? OneOf(string column, IReadOnlyList<string> allowed)
        {
            var text = Field(column).Text.Trim();
            if (allowed.Contains(text)) return text;
            Error(column, $"{column} must be one of {string.Join(", ", allowed)}, found '{text}'");
            return null;
        }
    }
}
