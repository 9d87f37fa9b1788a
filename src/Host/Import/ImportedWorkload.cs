using System.Collections.Immutable;

namespace NumaActors.Host.Import;

/// <summary>
/// The pods of one shape on one server: <see cref="PerServer"/> instances at the start (at least 1, as the
/// schema requires) and the instance count after each change, in simulated milliseconds.
/// </summary>
public sealed record ImportedWorkload(PodShape Shape, int PerServer, ImmutableArray<(long AtMs, int Count)> Scale, int Pods)
{
    /// <summary>Everything the server-class grouping compares: two servers with equal keys run the same.</summary>
    public string Key => $"{Shape.Slug}:{PerServer}:{string.Join(",", Scale.Select(s => $"{s.AtMs}={s.Count}"))}";
}
