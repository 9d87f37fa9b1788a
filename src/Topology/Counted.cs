using System.Globalization;

namespace NumaActors.Topology;

/// <summary>"1 row", "2 rows": counts in user-facing messages.</summary>
internal static class Counted
{
    public static string Of(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");
}
