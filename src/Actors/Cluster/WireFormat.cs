using System.Collections.Immutable;
using NumaActors.Kernel.Fleet;
using NumaActors.Kernel.Hooks;
using NumaActors.Kernel.Observability;
using static NumaActors.Actors.Messages.ClusterProtocol;

namespace NumaActors.Actors.Cluster;

/// <summary>
/// Binary encoding of an epoch's figures: samples (per-workload interval figures, vmstat, sparse
/// stall histograms) and timeline outcomes. Shared by the serializer and by the sizing that cuts an
/// epoch into frames.
/// </summary>
public static class WireFormat
{
    public static void Write(BinaryWriter w, EpochReport m)
    {
        w.Write(m.Slot);
        w.Write(m.FromTick);
        w.Write(m.UntilTick);
        w.Write(m.Part);
        w.Write(m.Parts);
        w.Write(m.Member);
        w.Write(m.Samples.Length);
        foreach (var s in m.Samples) Write(w, s);
        w.Write(m.Events.Length);
        foreach (var (e, outcome) in m.Events)
        {
            w.Write(e);
            w.Write(outcome.Applied);
            w.Write(outcome.Refused);
            w.Write((int)outcome.FirstRefusal);
            w.Write(outcome.RefusalMessage);
        }
        w.Write(m.ProgramEvents.Length);
        foreach (var p in m.ProgramEvents) Write(w, p);
    }

    public static void Write(BinaryWriter w, ProgramEvent p)
    {
        w.Write(p.AtMs);
        w.Write(p.Kind);
        w.Write(p.Policy);
        w.Write(p.Workload);
        w.Write(p.CgroupId);
        w.Write(p.Message);
    }

    private static ProgramEvent ReadProgramEvent(BinaryReader r) =>
        new(r.ReadInt64(), r.ReadString(), r.ReadString(), r.ReadString(), r.ReadUInt64(), r.ReadString());

    /// <summary>Encoded size of one hook-program event in bytes.</summary>
    public static int SizeOf(ProgramEvent programEvent) => EncodedSize(programEvent, Write);

    public static EpochReport ReadEpochReport(BinaryReader r)
    {
        var slot = r.ReadInt32();
        var from = r.ReadInt64();
        var until = r.ReadInt64();
        var part = r.ReadInt32();
        var parts = r.ReadInt32();
        var member = r.ReadString();
        var samples = ImmutableArray.CreateBuilder<ServerSample>(r.ReadInt32());
        for (var i = samples.Capacity; i > 0; i--) samples.Add(ReadSample(r));
        var events = ImmutableArray.CreateBuilder<(int, EventOutcome)>(r.ReadInt32());
        for (var i = events.Capacity; i > 0; i--)
            events.Add((r.ReadInt32(), new EventOutcome(r.ReadInt32(), r.ReadInt32(), (Errno)r.ReadInt32(), r.ReadString())));
        var programEvents = ImmutableArray.CreateBuilder<ProgramEvent>(r.ReadInt32());
        for (var i = programEvents.Capacity; i > 0; i--) programEvents.Add(ReadProgramEvent(r));
        return new EpochReport(slot, from, until, part, parts, member, samples.MoveToImmutable(), events.MoveToImmutable(), programEvents.MoveToImmutable());
    }

    /// <summary>Encoded size of one sample in bytes.</summary>
    public static int SizeOf(ServerSample sample) => EncodedSize(sample, Write);

    private static int EncodedSize<T>(T value, Action<BinaryWriter, T> write)
    {
        using var stream = new MemoryStream();
        using var w = new BinaryWriter(stream);
        write(w, value);
        w.Flush();
        return (int)stream.Length;
    }

    public static void Write(BinaryWriter w, ServerSample s)
    {
        w.Write(s.ServerId);
        w.Write(s.Row);
        w.Write(s.Workloads.Length);
        foreach (var f in s.Workloads)
        {
            w.Write(f is not null);
            if (f is not null) Write(w, f);
        }
        Write(w, s.ServerVmstat);
    }

    public static ServerSample ReadSample(BinaryReader r)
    {
        var serverId = r.ReadInt32();
        var row = r.ReadInt32();
        var workloads = new IntervalFigures?[r.ReadInt32()];
        for (var i = 0; i < workloads.Length; i++) workloads[i] = r.ReadBoolean() ? ReadFigures(r) : null;
        return new ServerSample(serverId, row, [.. workloads], ReadVmstat(r));
    }

    private static void Write(BinaryWriter w, IntervalFigures f)
    {
        w.Write(f.Accesses);
        w.Write(f.LocalAccesses);
        w.Write(f.LatencyNs);
        w.Write(f.BalancingCpuNs);
        w.Write(f.TaskCpuNs);
        w.Write(f.Instances);
        w.Write(f.BalancingEnabled);
        Write(w, f.Vmstat);
        w.Write(f.PagesOnNode.Length);
        foreach (var p in f.PagesOnNode) w.Write(p);
        var counts = f.Stalls.BucketCounts;
        w.Write(counts.Length);
        var used = 0;
        foreach (var c in counts) if (c != 0) used++;
        w.Write(used);
        for (var b = 0; b < counts.Length; b++)
        {
            if (counts[b] == 0) continue;
            w.Write(b);
            w.Write(counts[b]);
        }
        w.Write(f.Stalls.Count);
        w.Write(f.Stalls.Max);
    }

    private static IntervalFigures ReadFigures(BinaryReader r)
    {
        var accesses = r.ReadInt64();
        var local = r.ReadInt64();
        var latency = r.ReadInt64();
        var balancing = r.ReadInt64();
        var taskCpu = r.ReadInt64();
        var instances = r.ReadInt32();
        var enabled = r.ReadBoolean();
        var vmstat = ReadVmstat(r);
        var f = new IntervalFigures(r.ReadInt32())
        {
            Accesses = accesses, LocalAccesses = local, LatencyNs = latency, BalancingCpuNs = balancing,
            TaskCpuNs = taskCpu, Instances = instances, BalancingEnabled = enabled, Vmstat = vmstat,
        };
        for (var n = 0; n < f.PagesOnNode.Length; n++) f.PagesOnNode[n] = r.ReadInt64();
        var counts = new long[r.ReadInt32()];
        for (var used = r.ReadInt32(); used > 0; used--) counts[r.ReadInt32()] = r.ReadInt64();
        f.Stalls.Load(counts, r.ReadInt64(), r.ReadDouble());
        return f;
    }

    private static void Write(BinaryWriter w, VmStatCounters v)
    {
        foreach (var (_, value) in v.ByKernelName()) w.Write(value);
    }

    // Same order as VmStatCounters.ByKernelName.
    private static VmStatCounters ReadVmstat(BinaryReader r) => new()
    {
        NumaPteUpdates = r.ReadInt64(),
        NumaHugePteUpdates = r.ReadInt64(),
        NumaHintFaults = r.ReadInt64(),
        NumaHintFaultsLocal = r.ReadInt64(),
        NumaPagesMigrated = r.ReadInt64(),
        PgpromoteSuccess = r.ReadInt64(),
        PgpromoteCandidate = r.ReadInt64(),
        PgpromoteCandidateNrl = r.ReadInt64(),
        PgdemoteKswapd = r.ReadInt64(),
        PgmigrateFail = r.ReadInt64(),
        NumaTaskMigrated = r.ReadInt64(),
        NumaTaskSwapped = r.ReadInt64(),
    };
}
