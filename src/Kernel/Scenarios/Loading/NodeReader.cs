using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using U = NumaActors.Topology.Units.Units;

namespace NumaActors.Kernel.Scenarios;

/// <summary>
/// Reads typed values out of YAML nodes. Every method reports its own problem at the node's position
/// and returns null, so callers carry on and the user sees every mistake in one go.
/// </summary>
internal sealed partial class NodeReader(DiagnosticBag diagnostics)
{
    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex NamePattern();

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain } s && (s.Value is null or "" or "~" or "null");

    /// <summary>
    /// Checks a mapping's keys: unknown keys name the allowed ones, missing required keys are reported
    /// at the mapping. An empty value (<c>key:</c>) reads as an empty mapping.
    /// </summary>
    public MappingView? Mapping(YamlNode node, string what, IReadOnlyList<string> allowed, IReadOnlyList<string>? required = null)
    {
        if (IsNull(node))
        {
            foreach (var key in required ?? [])
                Diagnostics.Error(node, $"missing required key '{key}' in {what}");
            return new MappingView(node, new Dictionary<string, (YamlScalarNode, YamlNode)>());
        }
        if (node is not YamlMappingNode map)
        {
            Diagnostics.Error(node, $"{what} must be a mapping (key: value), found {Describe(node)}");
            return null;
        }
        var entries = new Dictionary<string, (YamlScalarNode, YamlNode)>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            if (k is not YamlScalarNode { Value: { } key } keyNode)
            {
                Diagnostics.Error(k, $"keys of {what} must be plain names, found {Describe(k)}");
                continue;
            }
            if (!allowed.Contains(key))
            {
                Diagnostics.Error(k, $"unknown key '{key}' in {what}; allowed keys: {string.Join(", ", allowed)}");
                continue;
            }
            entries[key] = (keyNode, v);
        }
        foreach (var key in required ?? [])
            if (!entries.ContainsKey(key))
                Diagnostics.Error(map, $"missing required key '{key}' in {what}");
        return new MappingView(map, entries);
    }

    /// <summary>A sequence's items; an empty value (<c>key:</c>) reads as an empty sequence.</summary>
    public IReadOnlyList<YamlNode>? Sequence(YamlNode node, string what)
    {
        if (IsNull(node)) return [];
        if (node is YamlSequenceNode seq) return seq.Children.ToList();
        Diagnostics.Error(node, $"{what} must be a list, found {Describe(node)}");
        return null;
    }

    public string? Scalar(YamlNode node, string what)
    {
        if (node is YamlScalarNode s && !IsNull(s) && s.Value is not null) return s.Value;
        Diagnostics.Error(node, IsNull(node) ? $"{what} must have a value" : $"{what} must be a single value, found {Describe(node)}");
        return null;
    }

    public string? Name(YamlNode node, string what)
    {
        var text = Scalar(node, what);
        if (text is null) return null;
        if (NamePattern().IsMatch(text)) return text;
        Diagnostics.Error(node, $"{what} '{text}' must match [a-z0-9-]+ (lowercase letters, digits and '-')");
        return null;
    }

    public long? Int(YamlNode node, string what, long min, long max = int.MaxValue)
    {
        var text = Scalar(node, what);
        if (text is null) return null;
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Diagnostics.Error(node, $"{what} must be a whole number, found '{text}'");
            return null;
        }
        if (value < min || value > max)
        {
            Diagnostics.Error(node, value < min && min == 1
                ? $"{what} must be greater than zero, found {value}"
                : $"{what} must be between {min} and {max}, found {value}");
            return null;
        }
        return value;
    }

    public ulong? UInt64(YamlNode node, string what)
    {
        var text = Scalar(node, what);
        if (text is null) return null;
        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return value;
        Diagnostics.Error(node, $"{what} must be a whole number from 0 to {ulong.MaxValue}, found '{text}'");
        return null;
    }

    public double? Fraction(YamlNode node, string what, double min, double max, bool minExclusive)
    {
        var text = Scalar(node, what);
        if (text is null) return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            Diagnostics.Error(node, $"{what} must be a number, found '{text}'");
            return null;
        }
        if ((minExclusive ? value <= min : value < min) || value > max)
        {
            var range = double.IsPositiveInfinity(max)
                ? $"greater than {(minExclusive ? "" : "or equal to ")}{min.ToString(CultureInfo.InvariantCulture)}"
                : $"in {(minExclusive ? "(" : "[")}{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]";
            Diagnostics.Error(node, $"{what} must be {range}, found {text}");
            return null;
        }
        return value;
    }

    public bool? Bool(YamlNode node, string what)
    {
        var text = Scalar(node, what);
        switch (text)
        {
            case null: return null;
            case "true": return true;
            case "false": return false;
            default:
                Diagnostics.Error(node, $"{what} must be true or false, found '{text}'");
                return null;
        }
    }

    /// <summary>A size through <see cref="U.TryParseSize"/>; zero and negative sizes are errors.</summary>
    public long? Size(YamlNode node, string what)
    {
        var text = Scalar(node, what);
        if (text is null) return null;
        if (!U.TryParseSize(text, out var bytes, out var error))
        {
            Diagnostics.Error(node, $"{what}: {error}");
            return null;
        }
        if (bytes <= 0)
        {
            Diagnostics.Error(node, $"{what} must be greater than zero, found '{text}'");
            return null;
        }
        return bytes;
    }

    /// <summary>A duration through <see cref="U.TryParseDuration"/>; zero is an error unless <paramref name="allowZero"/>.</summary>
    public TimeSpan? Duration(YamlNode node, string what, bool allowZero = false)
    {
        var text = Scalar(node, what);
        if (text is null) return null;
        if (!U.TryParseDuration(text, out var duration, out var error))
        {
            Diagnostics.Error(node, $"{what}: {error}");
            return null;
        }
        if (duration < TimeSpan.Zero || (!allowZero && duration == TimeSpan.Zero))
        {
            // TimeSpan counts 100ns ticks, so e.g. 40ns reads as zero.
            var resolution = duration == TimeSpan.Zero && text.Any(c => c is >= '1' and <= '9') ? " (durations have a resolution of 100ns)" : "";
            Diagnostics.Error(node, $"{what} must be greater than zero, found '{text}'{resolution}");
            return null;
        }
        return duration;
    }

    /// <summary>A duration in whole milliseconds, as the kernel's ms knobs take it (kernel-model.md §1.2).</summary>
    public uint? Milliseconds(YamlNode node, string what)
    {
        var duration = Duration(node, what);
        if (duration is null) return null;
        if (duration.Value.Ticks % TimeSpan.TicksPerMillisecond != 0 || duration.Value.TotalMilliseconds > uint.MaxValue)
        {
            Diagnostics.Error(node, $"{what} must be a whole number of milliseconds up to {uint.MaxValue}ms, found '{Scalar(node, what)}'");
            return null;
        }
        return (uint)duration.Value.TotalMilliseconds;
    }

    /// <summary>A size in whole MiB, as the kernel's MB knobs take it (kernel-model.md §1.2).</summary>
    public uint? Mebibytes(YamlNode node, string what)
    {
        var bytes = Size(node, what);
        if (bytes is null) return null;
        if (bytes.Value % (1L << 20) != 0 || bytes.Value >> 20 > uint.MaxValue)
        {
            Diagnostics.Error(node, $"{what} must be a whole number of MiB, found '{Scalar(node, what)}'");
            return null;
        }
        return (uint)(bytes.Value >> 20);
    }

    /// <summary>A byte rate in whole MiB/s; zero is allowed (the kernel's minimum, kernel-model.md §1.3).</summary>
    public uint? MebibytesPerSecond(YamlNode node, string what)
    {
        var text = Scalar(node, what);
        if (text is null) return null;
        if (!U.TryParseByteRate(text, out var bytesPerSecond, out var error))
        {
            Diagnostics.Error(node, $"{what}: {error}");
            return null;
        }
        if (bytesPerSecond < 0 || bytesPerSecond % (1L << 20) != 0 || bytesPerSecond >> 20 > uint.MaxValue)
        {
            Diagnostics.Error(node, $"{what} must be a whole number of MiB/s, found '{text}'");
            return null;
        }
        return (uint)(bytesPerSecond >> 20);
    }

    /// <summary>An event rate through <see cref="U.TryParseRate"/>; must be positive.</summary>
    public double? Rate(YamlNode node, string what)
    {
        var text = Scalar(node, what);
        if (text is null) return null;
        if (!U.TryParseRate(text, out var perSecond, out var error))
        {
            Diagnostics.Error(node, $"{what}: {error}");
            return null;
        }
        if (perSecond <= 0)
        {
            Diagnostics.Error(node, $"{what} must be greater than zero, found '{text}'");
            return null;
        }
        return perSecond;
    }

    /// <summary>A non-empty list of distinct node ids; returns the ids with their nodes for later checks.</summary>
    public ImmutableArray<(int Id, YamlNode Node)>? NodeIds(YamlNode node, string what)
    {
        var items = Sequence(node, what);
        if (items is null) return null;
        if (items.Count == 0)
        {
            Diagnostics.Error(node, $"{what} must list at least one node");
            return null;
        }
        var result = ImmutableArray.CreateBuilder<(int, YamlNode)>();
        var ok = true;
        foreach (var item in items)
        {
            var id = Int(item, $"{what} node id", 0);
            if (id is null) { ok = false; continue; }
            if (result.Any(r => r.Item1 == id))
            {
                Diagnostics.Error(item, $"{what} names node {id} twice");
                ok = false;
                continue;
            }
            result.Add(((int)id, item));
        }
        return ok ? result.ToImmutable() : null;
    }

    /// <summary>One of the listed words; the message lists them.</summary>
    public string? OneOf(YamlNode node, string what, params string[] choices)
    {
        var text = Scalar(node, what);
        if (text is null) return null;
        if (choices.Contains(text)) return text;
        Diagnostics.Error(node, $"{what} must be one of {string.Join(", ", choices)}, found '{text}'");
        return null;
    }

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when IsNull(s) => "nothing",
        YamlScalarNode s => $"'{s.Value}'",
        _ => "an alias",
    };
}
