using System.Globalization;
using System.Text.RegularExpressions;

namespace NumaActors.Topology.Units;

/// <summary>
/// The one place where the scenario's units are parsed and printed: sizes (B, KiB, MiB, GiB, TiB),
/// durations (ns, us, ms, s, m, h), event rates (N/s) and byte rates (SIZE/s).
/// Parsers return false with a message a user can act on; they never throw on bad text.
/// </summary>
public static partial class Units
{
    private static readonly (string Suffix, long Factor)[] SizeUnits =
    [
        ("TiB", 1L << 40), ("GiB", 1L << 30), ("MiB", 1L << 20), ("KiB", 1L << 10), ("B", 1),
    ];

    private static readonly (string Suffix, long Nanos)[] DurationUnits =
    [
        ("ns", 1), ("us", 1_000), ("ms", 1_000_000), ("s", 1_000_000_000), ("m", 60_000_000_000), ("h", 3_600_000_000_000),
    ];

    [GeneratedRegex(@"^\s*([0-9]+(?:\.[0-9]+)?)\s*([A-Za-z]+)\s*$")]
    private static partial Regex NumberWithUnit();

    public static bool TryParseSize(string? text, out long bytes, out string error)
    {
        bytes = 0;
        if (!Split(text, out var number, out var unit))
        {
            error = $"'{text}' is not a size; use a number and one of B, KiB, MiB, GiB, TiB (e.g. 16GiB)";
            return false;
        }
        foreach (var (suffix, factor) in SizeUnits)
        {
            if (unit != suffix) continue;
            var value = number * factor;
            if (value > long.MaxValue / 2) { error = $"size '{text}' is too large"; return false; }
            bytes = (long)Math.Round(value);
            error = "";
            return true;
        }
        error = $"'{unit}' is not a size unit in '{text}'; use B, KiB, MiB, GiB or TiB";
        return false;
    }

    public static bool TryParseDuration(string? text, out TimeSpan duration, out string error)
    {
        duration = default;
        if (!Split(text, out var number, out var unit))
        {
            error = $"'{text}' is not a duration; use a number and one of ns, us, ms, s, m, h (e.g. 100ms)";
            return false;
        }
        foreach (var (suffix, nanos) in DurationUnits)
        {
            if (unit != suffix) continue;
            var ns = number * nanos;
            if (ns > TimeSpan.MaxValue.Ticks * 100.0 / 2) { error = $"duration '{text}' is too long"; return false; }
            duration = TimeSpan.FromTicks((long)Math.Round(ns / 100.0));
            error = "";
            return true;
        }
        error = $"'{unit}' is not a duration unit in '{text}'; use ns, us, ms, s, m or h";
        return false;
    }

    /// <summary>An event rate such as <c>20000000/s</c>; returns events per second.</summary>
    public static bool TryParseRate(string? text, out double perSecond, out string error)
    {
        perSecond = 0;
        var (count, per) = SplitRate(text);
        if (count is null || !double.TryParse(count, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n < 0)
        {
            error = $"'{text}' is not a rate; use COUNT/s, COUNT/ms or COUNT/m (e.g. 20000000/s)";
            return false;
        }
        if (!TryPerSecond(per, out var scale)) { error = $"'{per}' is not a time unit in rate '{text}'; use /s, /ms or /m"; return false; }
        perSecond = n * scale;
        error = "";
        return true;
    }

    /// <summary>A byte rate such as <c>65536MiB/s</c>; returns bytes per second.</summary>
    public static bool TryParseByteRate(string? text, out long bytesPerSecond, out string error)
    {
        bytesPerSecond = 0;
        var (size, per) = SplitRate(text);
        if (size is null) { error = $"'{text}' is not a byte rate; use SIZE/s (e.g. 65536MiB/s)"; return false; }
        if (!TryParseSize(size, out var bytes, out error)) return false;
        if (!TryPerSecond(per, out var scale)) { error = $"'{per}' is not a time unit in rate '{text}'; use /s, /ms or /m"; return false; }
        bytesPerSecond = (long)Math.Round(bytes * scale);
        return true;
    }

    /// <summary>Largest exact unit: 1073741824 prints as 1GiB, 1536 MiB as 1536MiB.</summary>
    public static string FormatSize(long bytes)
    {
        foreach (var (suffix, factor) in SizeUnits)
            if (bytes != 0 && bytes % factor == 0) return $"{bytes / factor}{suffix}";
        return $"{bytes}B";
    }

    /// <summary>Largest exact unit among ms, s, m, h (sub-millisecond values print in us or ns).</summary>
    public static string FormatDuration(TimeSpan duration)
    {
        var ns = duration.Ticks * 100;
        for (var i = DurationUnits.Length - 1; i >= 0; i--)
        {
            var (suffix, nanos) = DurationUnits[i];
            if (ns != 0 && ns % nanos == 0) return $"{ns / nanos}{suffix}";
        }
        return $"{ns}ns";
    }

    private static bool Split(string? text, out double number, out string unit)
    {
        number = 0;
        unit = "";
        if (text is null) return false;
        var m = NumberWithUnit().Match(text);
        if (!m.Success) return false;
        number = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        unit = m.Groups[2].Value;
        return true;
    }

    private static (string? Amount, string Per) SplitRate(string? text)
    {
        if (text is null) return (null, "");
        var slash = text.IndexOf('/');
        if (slash <= 0) return (null, "");
        return (text[..slash].Trim(), text[(slash + 1)..].Trim());
    }

    private static bool TryPerSecond(string per, out double scale)
    {
        scale = per switch { "s" => 1, "ms" => 1000, "m" => 1.0 / 60, "h" => 1.0 / 3600, _ => 0 };
        return scale > 0;
    }
}
