namespace NumaActors.Policies.Bpf;

/// <summary>
/// Internal carrier of a load error from deep inside a parser to the public entry point, which
/// turns it into a <see cref="BpfLoadError"/>; it never leaves the public API.
/// </summary>
internal sealed class BpfFormatException(string errno, string message) : Exception(message)
{
    public string Errno { get; } = errno;

    public BpfLoadError ToError() => new(Errno, Message);
}
