using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace NumaActors.Host.Tests.Cluster;

/// <summary>
/// <c>host</c> and <c>worker</c> as real processes on 127.0.0.1: the fleet's servers spread over every
/// member, and the report is the one-process report whatever happens to the cluster (a stranger
/// knocking, a worker killed, a worker joining late).
/// </summary>
[Collection(ClusterProcessesCollection.Name)]
public sealed partial class ClusterRunTests(ClusterFixture fixture, ITestOutputHelper log) : IClassFixture<ClusterFixture>, IDisposable
{
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(120);
    private readonly List<MemberProcess> processes = [];

    [Fact]
    public async Task Host_and_two_workers_share_the_fleet_give_the_one_process_report_and_no_stranger_joins()
    {
        var port = FreePort.Next();
        var outDir = fixture.Dir.Of("tls-run");
        var host = Start("host", ["host", fixture.Scenario, "--port", Port(port), "--min-workers", "2", "--out", outDir, .. Tls(fixture.Certificate)]);
        await host.WaitForLineAsync(l => l.Contains("waiting for 2 worker(s)"), Startup, "the host waiting for workers");

        // Strangers first: one with another certificate, one without TLS. The host refuses both.
        var stranger = Start("stranger", ["worker", "--join", Join(port), .. Tls(fixture.StrangerCertificate)]);
        var plain = Start("plain", "worker", "--join", Join(port), "--insecure");
        await host.WaitForLineAsync(l => l.Contains("refused a TLS connection"), Startup, "the refused stranger");

        var workers = new[] { Start("worker-1", ["worker", "--join", Join(port), .. Tls(fixture.Certificate)]),
                              Start("worker-2", ["worker", "--join", Join(port), .. Tls(fixture.Certificate)]) };

        Assert.Equal(0, await host.WaitForExitAsync(RunTimeout));
        foreach (var w in workers) Assert.Equal(0, await w.WaitForExitAsync(RunTimeout));
        Assert.Equal(fixture.OneProcessResults, ClusterFixture.Results(outDir));

        // Each of the three members simulated some of the 200 servers; only the two workers joined.
        var shares = Shares(host);
        Assert.Equal(3, shares.Count);
        Assert.All(shares.Values, n => Assert.True(n > 0));
        Assert.Equal(200, shares.Values.Sum());
        Assert.Equal(2, host.Lines().Count(l => l.Contains(" joined")));
        foreach (var s in new[] { stranger, plain })
            Assert.DoesNotContain(s.Lines(), l => l.StartsWith("worker: joined", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_worker_killed_half_way_loses_nothing()
    {
        var port = FreePort.Next();
        // The long fleet: the short one now runs in about two seconds, between two progress lines.
        var outDir = fixture.Dir.Of("kill-run");
        var host = Start("host", "host", fixture.LongScenario, "--port", Port(port), "--min-workers", "2", "--out", outDir, "--insecure");
        await host.WaitForLineAsync(l => l.Contains("waiting for 2 worker(s)"), Startup, "the host waiting for workers");
        var victim = Start("victim", "worker", "--join", Join(port), "--insecure");
        var survivor = Start("survivor", "worker", "--join", Join(port), "--insecure");
        var victimAddress = (await victim.WaitForLineAsync(l => l.StartsWith("worker: joined", StringComparison.Ordinal), Startup, "joined")).Split(" as ")[1];

        await host.WaitForLineAsync(l => Percent(l) is > 0 and < 100, RunTimeout, "progress past 0%");
        victim.Kill();

        Assert.Equal(0, await host.WaitForExitAsync(RunTimeout));
        Assert.Equal(0, await survivor.WaitForExitAsync(RunTimeout));
        Assert.Equal(fixture.LongOneProcessResults, ClusterFixture.Results(outDir));
        Assert.Contains(host.Lines(), l => l.Contains($"member {victimAddress} was removed") && l.Contains("its servers resume on the other members"));
    }

    [Fact]
    public async Task A_worker_that_joins_after_the_run_started_takes_shards_and_changes_nothing_and_the_run_can_be_watched()
    {
        // The run starts with one worker; the second is started only once the host reports
        // progress, joins the running cluster and takes shards at their next epoch boundary.
        var port = FreePort.Next();
        var outDir = fixture.Dir.Of("join-run");
        var metricsPort = FreePort.Next();
        var host = Start("host", "host", fixture.LongScenario, "--port", Port(port), "--min-workers", "1", "--out", outDir, "--insecure",
            "--metrics-port", Port(metricsPort));
        await host.WaitForLineAsync(l => l.Contains("waiting for 1 worker(s)"), Startup, "the host waiting for a worker");
        var first = Start("worker-1", "worker", "--join", Join(port), "--insecure");
        await host.WaitForLineAsync(l => Percent(l) is > 0, RunTimeout, "progress past 0%");

        // A long host run can be watched: its scrape is Prometheus text with the run's progress.
        using (var http = new HttpClient())
        {
            var (_, samples) = PrometheusTextParser.Parse(await http.GetStringAsync($"http://localhost:{metricsPort}/metrics"));
            Assert.Equal(200 * 240, samples.Single(s => s.Name == "numa_actors_server_seconds_total").Value);
            Assert.InRange(samples.Single(s => s.Name == "numa_actors_server_seconds_done").Value, 0.1, 200 * 240);
        }
        var late = Start("worker-2", "worker", "--join", Join(port), "--insecure");
        var lateAddress = (await late.WaitForLineAsync(l => l.StartsWith("worker: joined", StringComparison.Ordinal), Startup, "joined")).Split(" as ")[1];

        Assert.Equal(0, await host.WaitForExitAsync(RunTimeout));
        foreach (var w in new[] { first, late }) Assert.Equal(0, await w.WaitForExitAsync(RunTimeout));
        Assert.Equal(fixture.LongOneProcessResults, ClusterFixture.Results(outDir));
        Assert.True(Shares(host).GetValueOrDefault(lateAddress) > 0, $"the late worker {lateAddress} simulated no server");
    }

    [Fact]
    public async Task Workers_exit_1_with_a_clear_message_when_the_host_dies()
    {
        var port = FreePort.Next();
        var host = Start("host", "host", fixture.Scenario, "--port", Port(port), "--min-workers", "1", "--out", fixture.Dir.Of("dead-host"), "--insecure");
        await host.WaitForLineAsync(l => l.Contains("waiting for 1 worker(s)"), Startup, "the host waiting for a worker");
        var worker = Start("worker", "worker", "--join", Join(port), "--insecure");
        await host.WaitForLineAsync(l => l.StartsWith("host: running", StringComparison.Ordinal), RunTimeout, "the run starting");

        host.Kill();

        Assert.Equal(1, await worker.WaitForExitAsync(RunTimeout));
        Assert.Contains(worker.Lines(), l => l.StartsWith("numa-actors: error: worker: lost the host", StringComparison.Ordinal)
                                            || l.Contains("left the cluster without finishing"));
    }

    public void Dispose()
    {
        foreach (var p in processes)
        {
            p.Dispose();
            log.WriteLine($"--- {p.Name}:\n{string.Join('\n', p.Lines().Where(l => !l.StartsWith("   at ", StringComparison.Ordinal)))}");
        }
    }

    private MemberProcess Start(string name, params string[] args)
    {
        var p = MemberProcess.Start(name, fixture.Dir.Path, args);
        processes.Add(p);
        return p;
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static string Join(int port) => $"127.0.0.1:{port}";

    private static string[] Tls(string certificate) => ["--cert", certificate, "--cert-password", ClusterFixture.Password];

    /// <summary>Servers slots per member, from the host's closing lines.</summary>
    private static Dictionary<string, int> Shares(MemberProcess host) => host.Lines()
        .Select(l => ShareLine().Match(l)).Where(m => m.Success)
        .ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));

    private static int? Percent(string line)
    {
        var m = ProgressLine().Match(line);
        return m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"member (\S+) simulated (\d+) server slot")]
    private static partial Regex ShareLine();

    [GeneratedRegex(@"^progress: .* (\d+)% of")]
    private static partial Regex ProgressLine();
}
