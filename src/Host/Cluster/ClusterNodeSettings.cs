namespace NumaActors.Host.Cluster;

/// <summary>
/// How one member of a cluster run listens and whom it joins: <see cref="SeedHost"/>:<see cref="SeedPort"/>
/// is the host (the host seeds itself); <see cref="Tls"/> null means plain TCP (<c>--insecure</c>).
/// </summary>
public sealed record ClusterNodeSettings(string Role, string HostName, int Port, string SeedHost, int SeedPort, ClusterTls? Tls)
{
    public const string SystemName = "numa-actors";

    /// <summary>The host's address; Akka.Remote names the TLS transport <c>akka.ssl.tcp</c>.</summary>
    public string SeedAddress => $"{(Tls is null ? "akka.tcp" : "akka.ssl.tcp")}://{SystemName}@{SeedHost}:{SeedPort}";
}
