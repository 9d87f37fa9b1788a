using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Serialization;
using NumaActors.Actors.Messages;
using static NumaActors.Actors.Messages.ClusterProtocol;

namespace NumaActors.Actors.Cluster;

/// <summary>
/// The cluster's wire format: a hand-written binary encoding of every <see cref="IFleetWireMessage"/>,
/// a short manifest per type and a leading version byte, so a member of another version fails
/// loudly instead of misreading. Integers only for the figures, so the report stays exact.
/// </summary>
public sealed class FleetWireSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    /// <summary>Akka reserves 0–40; this id is NumaActors'.</summary>
    public const int Id = 4711;

    public const byte Version = 1;

    public override int Identifier => Id;

    public override string Manifest(object o) => o switch
    {
        RunServerEpoch => "rse",
        EpochReport => "epr",
        ServerFailed => "sfl",
        GetScenario => "gsc",
        ScenarioChunk => "sch",
        MemberReady => "mrd",
        FleetFinished => "ffn",
        FleetFinishedAck => "ffa",
        _ => throw new ArgumentException($"{o.GetType().Name} is not a NumaActors wire message", nameof(o)),
    };

    public override byte[] ToBinary(object o)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream))
        {
            w.Write(Version);
            Write(w, o);
        }
        return stream.ToArray();
    }

    public override object FromBinary(byte[] bytes, string manifest)
    {
        using var r = new BinaryReader(new MemoryStream(bytes));
        var version = r.ReadByte();
        if (version != Version)
            throw new SerializationException($"NumaActors wire version {version} (manifest {manifest}); this member speaks version {Version}");
        return manifest switch
        {
            "rse" => new RunServerEpoch(r.ReadInt32(), r.ReadInt64(), r.ReadInt64()),
            "epr" => WireFormat.ReadEpochReport(r),
            "sfl" => new ServerFailed(r.ReadInt32(), r.ReadString()),
            "gsc" => new GetScenario(r.ReadString()),
            "sch" => new ScenarioChunk(r.ReadInt32(), r.ReadInt32(), r.ReadString(), r.ReadString(), r.ReadString()),
            "mrd" => new MemberReady(r.ReadString(), r.ReadString()),
            "ffn" => new FleetFinished(r.ReadBoolean(), r.ReadString()),
            "ffa" => new FleetFinishedAck(r.ReadString()),
            _ => throw new SerializationException($"unknown NumaActors wire manifest '{manifest}'"),
        };
    }

    private static void Write(BinaryWriter w, object o)
    {
        switch (o)
        {
            case RunServerEpoch m:
                w.Write(m.Slot);
                w.Write(m.FromTick);
                w.Write(m.UntilTick);
                break;
            case EpochReport m:
                WireFormat.Write(w, m);
                break;
            case ServerFailed m:
                w.Write(m.Slot);
                w.Write(m.Reason);
                break;
            case GetScenario m:
                w.Write(m.Member);
                break;
            case ScenarioChunk m:
                w.Write(m.Index);
                w.Write(m.Count);
                w.Write(m.FileName);
                w.Write(m.BaseDirectory);
                w.Write(m.Text);
                break;
            case MemberReady m:
                w.Write(m.Member);
                w.Write(m.Error);
                break;
            case FleetFinished m:
                w.Write(m.Succeeded);
                w.Write(m.Message);
                break;
            case FleetFinishedAck m:
                w.Write(m.Member);
                break;
            default:
                throw new ArgumentException($"{o.GetType().Name} is not a NumaActors wire message", nameof(o));
        }
    }
}
