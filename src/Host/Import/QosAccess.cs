using NumaActors.Kernel.Scenarios;

namespace NumaActors.Host.Import;

/// <summary>
/// The access model of a pod by its qos class (the trace has no memory-access data; documented defaults,
/// docs/IMPORT.md). Latency-sensitive services touch a skewed working set at a high rate; best-effort
/// batch work streams uniformly over its memory; Burstable and Guaranteed sit between.
/// </summary>
public static class QosAccess
{
    public static AccessModel For(string qos) => qos switch
    {
        "LS" => new AccessModel(20_000_000, AccessPattern.Zipf, 0.99, 0.2),
        "Guaranteed" => new AccessModel(10_000_000, AccessPattern.Zipf, 0.9, 0.2),
        "Burstable" => new AccessModel(10_000_000, AccessPattern.Hotset, 0.2, 0.1),
        _ => new AccessModel(5_000_000, AccessPattern.Uniform, 0, 0.1),
    };

    public static bool LatencySensitive(string qos) => qos == "LS";

    /// <summary>The cgroup folder under /kubepods: the qos in lower case (names must be [a-z0-9-]).</summary>
    public static string Folder(string qos) => qos.ToLowerInvariant();

    public static string Pattern(AccessPattern pattern) => pattern.ToString().ToLowerInvariant();
}
