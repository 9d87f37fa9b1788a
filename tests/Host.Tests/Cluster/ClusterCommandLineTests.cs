namespace NumaActors.Host.Tests.Cluster;

/// <summary>What <c>host</c> and <c>worker</c> refuse before starting anything (exit 2, one clear line).</summary>
public sealed class ClusterCommandLineTests
{
    [Fact]
    public void Plain_tcp_needs_an_explicit_insecure_flag()
    {
        var host = CliRun.Of("host", "--port", "4053");
        var worker = CliRun.Of("worker", "--join", "127.0.0.1:4053");

        Assert.Equal(2, host.ExitCode);
        Assert.Equal(2, worker.ExitCode);
        Assert.Contains("--insecure", host.Err);
        Assert.Contains("--cert", worker.Err);
    }

    [Fact]
    public void A_certificate_that_cannot_be_read_and_a_bad_join_address_are_bad_input()
    {
        using var dir = new TempDir();
        var cert = CliRun.Of("worker", "--join", "127.0.0.1:4053", "--cert", dir.File("not-a.pfx", "hello"), "--cert-password", "x");
        var join = CliRun.Of("worker", "--join", "no-port-here", "--insecure");
        var both = CliRun.Of("host", "--port", "4053", "--insecure", "--cert", dir.Of("not-a.pfx"));

        Assert.Equal(2, cert.ExitCode);
        Assert.Contains("--cert", cert.Err);
        Assert.Equal(2, join.ExitCode);
        Assert.Contains("HOST:PORT", join.Err);
        Assert.Equal(2, both.ExitCode);
    }
}
