using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Akka.Remote.Hosting;

namespace NumaActors.Host.Cluster;

/// <summary>
/// The cluster's shared certificate (PKCS#12 with its private key). Every member presents it
/// (mutual TLS) and accepts a peer only if the peer presents the same certificate (thumbprint pinned),
/// so a process without it cannot join; a refusal is logged with the peer's address.
/// </summary>
public sealed class ClusterTls(X509Certificate2 certificate)
{
    public X509Certificate2 Certificate { get; } = certificate;

    /// <summary>Loads <paramref name="path"/>; returns null and a reason when it cannot be used.</summary>
    public static ClusterTls? Load(string path, string? password, out string error)
    {
        error = "";
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.Exportable);
            if (!certificate.HasPrivateKey)
            {
                error = $"--cert {path}: the certificate has no private key (a PKCS#12 .pfx with its key is needed)";
                return null;
            }
            return new ClusterTls(certificate);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            error = $"--cert {path}: {e.Message.TrimEnd('.', '\n', '\r')} (wrong file or --cert-password?)";
            return null;
        }
    }

    public SslOptions ToSslOptions(Action<string> log) => new()
    {
        X509Certificate = Certificate,
        SuppressValidation = false,
        RequireMutualAuthentication = true,
        ValidateCertificateHostname = false,
        CustomValidator = (peer, _, remote, _, _) =>
        {
            if (peer is not null && peer.Thumbprint == Certificate.Thumbprint) return true;
            log($"refused a TLS connection from {remote}: {(peer is null ? "no certificate" : $"certificate {peer.Subject} ({peer.Thumbprint}) is not the cluster's")}");
            return false;
        },
    };
}
