namespace NumaActors.Policies.Bpf;

/// <summary>
/// Why an object was refused at load, with the errno the kernel or libbpf would have returned
/// (README §5: "error = load failure with errno-like code").
/// </summary>
public sealed record BpfLoadError(string Errno, string Message)
{
    public override string ToString() => $"{Message} ({Errno})";
}
