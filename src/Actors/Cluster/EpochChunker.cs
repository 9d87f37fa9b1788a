using System.Collections.Immutable;
using NumaActors.Kernel.Fleet;
using static NumaActors.Actors.Messages.ClusterProtocol;

namespace NumaActors.Actors.Cluster;

/// <summary>
/// Cuts one epoch's output into <see cref="EpochReport"/> parts of at most <see cref="MaxPartBytes"/>
/// encoded bytes (Akka.Remote drops frames over 128,000 bytes without telling the sender).
/// </summary>
public static class EpochChunker
{
    public const int MaxPartBytes = 64_000;

    /// <summary>Parts in order; throws when one sample alone is over the limit (it could never be sent).</summary>
    public static IReadOnlyList<EpochReport> Split(int slot, long from, long until, string member,
        IReadOnlyList<ServerSample> samples, ImmutableArray<(int Event, EventOutcome Outcome)> events, int maxPartBytes = MaxPartBytes)
    {
        var groups = new List<ImmutableArray<ServerSample>>();
        var current = ImmutableArray.CreateBuilder<ServerSample>();
        var bytes = 0;
        foreach (var sample in samples)
        {
            var size = WireFormat.SizeOf(sample);
            if (size > maxPartBytes)
                throw new InvalidOperationException($"server {sample.ServerId}: one time-series sample is {size} bytes, over the {maxPartBytes}-byte frame budget");
            if (bytes + size > maxPartBytes && current.Count > 0)
            {
                groups.Add(current.ToImmutable());
                current.Clear();
                bytes = 0;
            }
            current.Add(sample);
            bytes += size;
        }
        if (current.Count > 0 || groups.Count == 0) groups.Add(current.ToImmutable());
        return [.. groups.Select((g, i) => new EpochReport(slot, from, until, i, groups.Count, member, g, i == 0 ? events : []))];
    }
}
