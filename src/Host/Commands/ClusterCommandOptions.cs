using System.CommandLine;
using NumaActors.Host.Cli;
using NumaActors.Host.Cluster;

namespace NumaActors.Host.Commands;

/// <summary>The options <c>host</c> and <c>worker</c> share: where to listen, and TLS or an explicit <c>--insecure</c>.</summary>
public sealed class ClusterCommandOptions
{
    public Option<int> Port { get; }
    public Option<string> HostName { get; } = new("--hostname")
    {
        Description = "Address this member listens on and other members reach it at (default 127.0.0.1).",
        DefaultValueFactory = _ => "127.0.0.1",
    };
    public Option<string?> Cert { get; } = new("--cert") { Description = "The cluster's certificate: PKCS#12 (.pfx) with its private key; every member needs the same one." };
    public Option<string?> CertPassword { get; } = new("--cert-password") { Description = "Password of the --cert file." };
    public Option<bool> Insecure { get; } = new("--insecure") { Description = "Plain TCP with no authentication: anyone who reaches the port can join. For trusted networks only." };

    public ClusterCommandOptions(bool portRequired, int defaultPort)
    {
        Port = new Option<int>("--port")
        {
            Description = portRequired ? "TCP port to listen on." : $"TCP port to listen on (default {defaultPort}: any free port).",
            Required = portRequired,
            DefaultValueFactory = _ => defaultPort,
        };
        Port.Validators.Add(r =>
        {
            var port = r.GetValueOrDefault<int>();
            if (port is < 0 or > 65535) r.AddError($"--port {port}: must be 0..65535");
        });
    }

    public void AddTo(Command command)
    {
        command.Add(Port);
        command.Add(HostName);
        command.Add(Cert);
        command.Add(CertPassword);
        command.Add(Insecure);
    }

    /// <summary>TLS from <c>--cert</c>, or null with <c>--insecure</c>; false (with the reason printed) when neither or both are given or the file is unusable.</summary>
    public bool TryGetTls(ParseResult parse, CliConsole console, out ClusterTls? tls)
    {
        tls = null;
        var cert = parse.GetValue(Cert);
        var insecure = parse.GetValue(Insecure);
        if (cert is null && !insecure)
        {
            console.Fail("members talk over TLS: give --cert FILE.pfx [--cert-password P] (the same certificate on every member), or --insecure for plain TCP");
            return false;
        }
        if (cert is not null && insecure)
        {
            console.Fail("--cert and --insecure exclude each other");
            return false;
        }
        if (cert is null) return true;
        tls = ClusterTls.Load(cert, parse.GetValue(CertPassword), out var error);
        if (tls is null) console.Fail(error);
        return tls is not null;
    }
}
