using System.Globalization;

namespace NumaActors.Topology.Parsing;

/// <summary>
/// Counts the CPUs of a CPU list: sysfs <c>cpulist</c> ("0-23,96-119"), or numactl's
/// "0 1 2 3" and its <c>--cpu-compress</c> form "0-15 (16)". An empty list is 0 CPUs (memory-only node).
/// </summary>
public static class CpuListParser
{
    // Linux's NR_CPUS ceiling is 8192 on x86 distributions; anything far above it is a typo.
    private const int MaxCpuId = 1 << 16;

    /// <param name="text">The list.</param>
    /// <param name="commaSeparated">true for sysfs (commas), false for numactl (spaces).</param>
    /// <param name="count">Distinct CPUs listed.</param>
    /// <param name="errorOffset">0-based offset in <paramref name="text"/> of the bad item.</param>
    /// <param name="error">What is wrong, or "".</param>
    public static bool TryCount(string text, bool commaSeparated, out int count, out int errorOffset, out string error)
    {
        count = 0;
        errorOffset = 0;
        error = "";
        var cpus = new HashSet<int>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]) || (commaSeparated && text[i] == ',')) { i++; continue; }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && !(commaSeparated && text[i] == ',')) i++;
            var token = text[start..i];
            // numactl --cpu-compress appends the count in parentheses: "0-15 (16)".
            if (!commaSeparated && token.Length > 2 && token[0] == '(' && token[^1] == ')' && IsDigits(token[1..^1])) continue;
            if (!TryRange(token, out var first, out var last, out error))
            {
                errorOffset = start;
                return false;
            }
            for (var cpu = first; cpu <= last; cpu++) cpus.Add(cpu);
        }
        count = cpus.Count;
        return true;
    }

    private static bool TryRange(string token, out int first, out int last, out string error)
    {
        first = last = 0;
        var dash = token.IndexOf('-');
        var a = dash < 0 ? token : token[..dash];
        var b = dash < 0 ? token : token[(dash + 1)..];
        if (!TryCpu(a, out first) || !TryCpu(b, out last))
        {
            error = $"'{token}' is not a CPU number or range (expected e.g. 7 or 0-23, CPU numbers 0..{MaxCpuId})";
            return false;
        }
        if (first > last)
        {
            error = $"CPU range '{token}' runs backwards";
            return false;
        }
        error = "";
        return true;
    }

    private static bool TryCpu(string s, out int cpu) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out cpu) && IsDigits(s) && cpu <= MaxCpuId;

    private static bool IsDigits(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);
}
