using System.Collections.Immutable;
using System.Runtime.Serialization;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using NumaActors.Actors.Cluster;
using NumaActors.Actors.Messages;
using NumaActors.Actors.Tests.Support;
using NumaActors.Kernel.Fleet;
using NumaActors.Kernel.Hooks;
using static NumaActors.Actors.Messages.ClusterProtocol;

namespace NumaActors.Actors.Tests.Cluster;

/// <summary>Every message that crosses processes survives the wire format unchanged, and a foreign version fails loudly.</summary>
public sealed class FleetWireSerializerTests : TestKit
{
    private readonly FleetWireSerializer serializer;

    public FleetWireSerializerTests() => serializer = new FleetWireSerializer((ExtendedActorSystem)Sys);

    public static TheoryData<IFleetWireMessage> SimpleMessages() =>
    [
        new RunServerEpoch(17, 40, 50),
        new ServerFailed(3, "region table full"),
        new GetScenario("akka.tcp://numa-actors@127.0.0.1:4053"),
        new ScenarioChunk(1, 3, "fleet.yaml", "/srv/scenarios", "name: x\nseed: 1\n"),
        new MemberReady("akka.tcp://numa-actors@127.0.0.1:4054", ""),
        new MemberReady("akka.tcp://numa-actors@127.0.0.1:4054", "fleet.yaml:3:1: error: unknown preset"),
        new FleetFinished(true, "run complete"),
        new FleetFinishedAck("akka.tcp://numa-actors@127.0.0.1:4055"),
    ];

    [Theory]
    [MemberData(nameof(SimpleMessages))]
    public void Simple_messages_round_trip(IFleetWireMessage message)
    {
        var back = RoundTrip(message);
        Assert.Equal(message, back);
    }

    [Fact]
    public void An_epoch_report_with_real_samples_and_events_round_trips_exactly()
    {
        var samples = RealSamples();
        var report = new EpochReport(5, 10, 20, 0, 2, "akka.tcp://numa-actors@127.0.0.1:4054", samples,
            [(0, new EventOutcome(2, 1, Errno.EBUSY, "cgroup has a program")), (3, EventOutcome.None)],
            [new ProgramEvent(1_200, ProgramEvent.Printk, "remote-faults", "batch", 42, "remote 900 of 1000")]);

        var back = Assert.IsType<EpochReport>(RoundTrip(report));

        Assert.Equal((report.Slot, report.FromTick, report.UntilTick, report.Part, report.Parts, report.Member),
            (back.Slot, back.FromTick, back.UntilTick, back.Part, back.Parts, back.Member));
        Assert.Equal(report.Events.ToArray(), back.Events.ToArray());
        Assert.Equal(report.ProgramEvents.ToArray(), back.ProgramEvents.ToArray());
        Assert.Equal(samples.Length, back.Samples.Length);
        for (var i = 0; i < samples.Length; i++)
        {
            var (a, b) = (samples[i], back.Samples[i]);
            Assert.Equal((a.ServerId, a.Row, a.ServerVmstat), (b.ServerId, b.Row, b.ServerVmstat));
            for (var w = 0; w < a.Workloads.Length; w++)
            {
                if (a.Workloads[w] is not { } fa)
                {
                    Assert.Null(b.Workloads[w]);
                    continue;
                }
                var fb = b.Workloads[w]!;
                Assert.Equal((fa.Accesses, fa.LocalAccesses, fa.LatencyNs, fa.BalancingCpuNs, fa.TaskCpuNs, fa.Instances, fa.BalancingEnabled, fa.Vmstat),
                    (fb.Accesses, fb.LocalAccesses, fb.LatencyNs, fb.BalancingCpuNs, fb.TaskCpuNs, fb.Instances, fb.BalancingEnabled, fb.Vmstat));
                Assert.Equal(fa.PagesOnNode, fb.PagesOnNode);
                Assert.Equal(fa.Stalls.BucketCounts.ToArray(), fb.Stalls.BucketCounts.ToArray());
                Assert.Equal((fa.Stalls.Count, fa.Stalls.Max), (fb.Stalls.Count, fb.Stalls.Max));
            }
        }
        Assert.Contains(samples, s => s.Workloads.Any(f => f is { Stalls.Count: > 0 }));
    }

    [Fact]
    public void Every_wire_message_type_has_a_round_trip_case_here()
    {
        var wireTypes = typeof(IFleetWireMessage).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IFleetWireMessage).IsAssignableFrom(t));
        var covered = ((IEnumerable<object[]>)SimpleMessages()).Select(row => row[0].GetType()).Append(typeof(EpochReport));

        Assert.Equal(wireTypes.Select(t => t.Name).Order(), covered.Select(t => t.Name).Distinct().Order());
    }

    [Fact]
    public void Another_wire_version_or_an_unknown_manifest_is_refused()
    {
        var bytes = serializer.ToBinary(new RunServerEpoch(1, 0, 10));
        bytes[0] = FleetWireSerializer.Version + 1;
        Assert.Throws<SerializationException>(() => serializer.FromBinary(bytes, "rse"));
        Assert.Throws<SerializationException>(() => serializer.FromBinary(serializer.ToBinary(new RunServerEpoch(1, 0, 10)), "xyz"));
    }

    [Fact]
    public void An_epoch_too_big_for_one_frame_is_cut_into_parts_under_the_budget()
    {
        var samples = RealSamples();
        ProgramEvent[] printk = [.. Enumerable.Range(0, 50).Select(i => new ProgramEvent(i * 100L, ProgramEvent.Printk, "p", "w", 7, new string('x', 200)))];
        var parts = EpochChunker.Split(2, 0, 10, "m", samples, [(0, EventOutcome.None)], printk, maxPartBytes: WireFormat.SizeOf(samples[0]) * 2);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.True(serializer.ToBinary(p).Length < WireFormat.SizeOf(samples[0]) * 2 + 200));
        Assert.Equal(samples.Length, parts.Sum(p => p.Samples.Length));
        Assert.All(parts, (p, i) => Assert.Equal((i, parts.Count), (p.Part, p.Parts)));
        Assert.Single(parts.SelectMany(p => p.Events));
        Assert.Equal(printk, parts.SelectMany(p => p.ProgramEvents));
    }

    private object RoundTrip(object message) => serializer.FromBinary(serializer.ToBinary(message), serializer.Manifest(message));

    /// <summary>Samples of one simulated server of the mixed test scenario, a row per interval.</summary>
    private static ImmutableArray<ServerSample> RealSamples()
    {
        var scenario = TestScenarios.Mixed();
        var sim = new ServerSimulation(scenario, scenario.Arms[^1], FleetLayout.Plan(scenario)[0], TestScenarios.Programs);
        var samples = ImmutableArray.CreateBuilder<ServerSample>();
        for (var tick = 1; tick <= 20; tick++)
        {
            sim.Tick();
            if (tick % 5 == 0) samples.Add(sim.Sample(tick / 5));
        }
        return samples.ToImmutable();
    }
}
