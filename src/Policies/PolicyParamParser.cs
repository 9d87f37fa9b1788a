using NumaActors.Topology.Units;

namespace NumaActors.Policies;

/// <summary>Reads one parameter's YAML scalar per its <see cref="PolicyParamSpec"/>; never throws on bad text.</summary>
public static class PolicyParamParser
{
    /// <summary>Bytes per base page: rates given as SIZE/s are counted in 4 KiB pages, as the kernel's MB_TO_PAGES does.</summary>
    public const long PageBytes = 4096;

    public static bool TryParse(PolicyParamSpec spec, string? text, out PolicyParamValue value, out string error)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = $"no value given; expected {spec.Allowed}";
            return false;
        }
        text = text.Trim();
        switch (spec.Type)
        {
            case PolicyParamType.Bool:
                if (text is "true" or "True" or "TRUE") { value = new(spec.Type, 1, true, text); break; }
                if (text is "false" or "False" or "FALSE") { value = new(spec.Type, 0, false, text); break; }
                error = $"'{text}' is not a boolean; expected {spec.Allowed}";
                return false;

            case PolicyParamType.Duration:
                if (!Units.TryParseDuration(text, out var duration, out error)) return false;
                if (duration.Ticks % TimeSpan.TicksPerMillisecond != 0)
                {
                    error = $"'{text}' is not a whole number of milliseconds; expected {spec.Allowed}";
                    return false;
                }
                value = new(spec.Type, duration.Ticks / TimeSpan.TicksPerMillisecond, false, text);
                break;

            case PolicyParamType.Size:
                if (!Units.TryParseSize(text, out var bytes, out error)) return false;
                if (bytes % (1L << 20) != 0)
                {
                    error = $"'{text}' is not a whole number of MiB; expected {spec.Allowed}";
                    return false;
                }
                value = new(spec.Type, bytes >> 20, false, text);
                break;

            case PolicyParamType.PageRate:
                // SIZE/s first (64MiB/s); a plain COUNT/s has no size unit and is a page count.
                if (Units.TryParseByteRate(text, out var bytesPerSecond, out _))
                    value = new(spec.Type, (double)bytesPerSecond / PageBytes, false, text);
                else if (Units.TryParseRate(text, out var pagesPerSecond, out _))
                    value = new(spec.Type, pagesPerSecond, false, text);
                else
                {
                    error = $"'{text}' is not a rate; expected {spec.Allowed}";
                    return false;
                }
                break;

            default:
                value = new(spec.Type, 0, false, text);
                error = "";
                return true;
        }

        if (spec.Type != PolicyParamType.Bool && (value.Number < spec.Min || value.Number > spec.Max))
        {
            error = $"'{text}' is out of range; expected {spec.Allowed}";
            return false;
        }
        error = "";
        return true;
    }
}
