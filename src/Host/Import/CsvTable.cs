namespace NumaActors.Host.Import;

/// <summary>
/// A comma-separated file with a header line, read with positions so every complaint can name
/// FILE:LINE:COLUMN. The OpenB lists have no quoting, so a field may not contain '"' (reported, not guessed).
/// </summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string file, Dictionary<string, int> columns, List<CsvRow> rows)
    {
        File = file;
        _columns = columns;
        Rows = rows;
    }

    public string File { get; }

    public IReadOnlyList<CsvRow> Rows { get; }

    public int? Column(string name) => _columns.TryGetValue(name, out var i) ? i : null;

    /// <summary>Reads the text; returns null and adds errors when the header lacks a required column.</summary>
    public static CsvTable? Parse(string file, string text, IReadOnlyList<string> required, List<ImportError> errors)
    {
        var lines = text.Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd('\r').Length == 0)
        {
            errors.Add(new ImportError(file, 1, 1, $"empty file; expected a header line with columns {string.Join(", ", required)}"));
            return null;
        }
        var header = Split(lines[0].TrimEnd('\r'));
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++) columns.TryAdd(header[i].Text.Trim(), i);
        var missing = required.Where(r => !columns.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new ImportError(file, 1, 1, $"header lacks column(s) {string.Join(", ", missing)}; found {string.Join(", ", header.Select(h => h.Text))}"));
            return null;
        }
        var rows = new List<CsvRow>();
        for (var n = 1; n < lines.Length; n++)
        {
            var line = lines[n].TrimEnd('\r');
            if (line.Length == 0) continue;
            var fields = Split(line);
            if (fields.Count != header.Count)
            {
                errors.Add(new ImportError(file, n + 1, 1, $"{fields.Count} fields, but the header has {header.Count}"));
                continue;
            }
            if (fields.FirstOrDefault(f => f.Text.Contains('"')) is { } quoted)
            {
                errors.Add(new ImportError(file, n + 1, quoted.Column, "quoted fields are not supported"));
                continue;
            }
            rows.Add(new CsvRow(n + 1, fields));
        }
        return new CsvTable(file, columns, rows);
    }

    private static List<CsvField> Split(string line)
    {
        var fields = new List<CsvField>();
        var start = 0;
        for (var i = 0; i <= line.Length; i++)
        {
            if (i < line.Length && line[i] != ',') continue;
            fields.Add(new CsvField(line[start..i], start + 1));
            start = i + 1;
        }
        return fields;
    }
}

/// <summary>A data line: its 1-based line number and fields.</summary>
internal sealed record CsvRow(int Line, IReadOnlyList<CsvField> Fields);

/// <summary>A field's text and its 1-based column.</summary>
internal sealed record CsvField(string Text, int Column);
