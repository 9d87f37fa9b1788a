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

    /// <summary>Parts in order; throws when one sample or program event alone is over the limit (it could never be sent).</summary>
    public static IReadOnlyList<EpochReport> Split(int slot, long from, long until, string member,
        IReadOnlyList<ServerSample> samples, ImmutableArray<(int Event, EventOutcome Outcome)> events,
        IReadOnlyList<ProgramEvent> programEvents, int maxPartBytes = MaxPartBytes)
    {
        var groups = new List<(ImmutableArray<ServerSample>.Builder Samples, ImmutableArray<ProgramEvent>.Builder Programs)>();
        var bytes = maxPartBytes; // forces a first group
        foreach (var sample in samples)
            Place(WireFormat.SizeOf(sample), $"server {sample.ServerId}: one time-series sample", g => g.Samples.Add(sample));
        foreach (var programEvent in programEvents)
            Place(WireFormat.SizeOf(programEvent), $"policy {programEvent.Policy}: one program event", g => g.Programs.Add(programEvent));
        if (groups.Count == 0) groups.Add((ImmutableArray.CreateBuilder<ServerSample>(), ImmutableArray.CreateBuilder<ProgramEvent>()));
        return [.. groups.Select((g, i) => new EpochReport(slot, from, until, i, groups.Count, member,
            g.Samples.ToImmutable(), i == 0 ? events : [], g.Programs.ToImmutable()))];

        void Place(int size, string what, Action<(ImmutableArray<ServerSample>.Builder Samples, ImmutableArray<ProgramEvent>.Builder Programs)> add)
        {
            if (size > maxPartBytes)
                throw new InvalidOperationException($"{what} is {size} bytes, over the {maxPartBytes}-byte frame budget");
            if (bytes + size > maxPartBytes)
            {
                groups.Add((ImmutableArray.CreateBuilder<ServerSample>(), ImmutableArray.CreateBuilder<ProgramEvent>()));
                bytes = 0;
            }
            add(groups[^1]);
            bytes += size;
        }
    }
}
