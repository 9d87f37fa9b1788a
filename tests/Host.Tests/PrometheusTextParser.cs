using System.Globalization;
using System.Text.RegularExpressions;

namespace NumaActors.Host.Tests;

/// <summary>
/// A strict reader of the Prometheus text exposition format 0.0.4: HELP and TYPE lines, samples with
/// escaped label values and float values, each family's TYPE before its samples and its samples together.
/// Throws <see cref="FormatException"/> naming the line on anything else.
/// </summary>
public static partial class PrometheusTextParser
{
    [GeneratedRegex(@"^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$")]
    private static partial Regex Help();

    [GeneratedRegex(@"^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$")]
    private static partial Regex Type();

    [GeneratedRegex(@"^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{((?:[a-zA-Z_][a-zA-Z0-9_]*=""(?:[^""\\\n]|\\[\\""n])*"",?)*)\})? (\S+)(?: (-?\d+))?$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\[\\""n])*)""")]
    private static partial Regex LabelPair();

    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public static (IReadOnlyDictionary<string, string> Types, IReadOnlyList<Sample> Samples) Parse(string text)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var samples = new List<Sample>();
        var closed = new HashSet<string>(StringComparer.Ordinal);
        string? current = null;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0) continue;
            if (line.StartsWith('#'))
            {
                if (Type().Match(line) is { Success: true } t)
                {
                    var name = t.Groups[1].Value;
                    if (!types.TryAdd(name, t.Groups[2].Value)) throw new FormatException($"line {i + 1}: second TYPE for {name}");
                    if (samples.Any(s => s.Name == name)) throw new FormatException($"line {i + 1}: TYPE for {name} after its samples");
                }
                else if (!Help().IsMatch(line) && (line.StartsWith("# HELP", StringComparison.Ordinal) || line.StartsWith("# TYPE", StringComparison.Ordinal)))
                    throw new FormatException($"line {i + 1}: malformed {line[..6]} line");
                continue;
            }
            var m = SampleLine().Match(line);
            if (!m.Success) throw new FormatException($"line {i + 1}: not a sample: {line}");
            var metric = m.Groups[1].Value;
            if (metric != current)
            {
                if (current is not null) closed.Add(current);
                if (closed.Contains(metric)) throw new FormatException($"line {i + 1}: samples of {metric} are not together");
                current = metric;
            }
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match p in LabelPair().Matches(m.Groups[2].Value))
                if (!labels.TryAdd(p.Groups[1].Value, p.Groups[2].Value.Replace("\\n", "\n").Replace("\\\"", "\"").Replace("\\\\", "\\")))
                    throw new FormatException($"line {i + 1}: label {p.Groups[1].Value} twice");
            var valueText = m.Groups[3].Value;
            double value = valueText switch
            {
                "NaN" => double.NaN,
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                _ => double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                    ? v : throw new FormatException($"line {i + 1}: value '{valueText}' is not a float"),
            };
            samples.Add(new Sample(metric, labels, value));
        }
        return (types, samples);
    }
}
