namespace NumaActors.Host.Import;

/// <summary>What makes pods interchangeable in the scenario: their request and qos class.</summary>
public readonly record struct PodShape(long CpuMilli, long MemoryMib, string Qos)
{
    public static PodShape Of(OpenbPod pod) => new(pod.CpuMilli, pod.MemoryMib, pod.Qos);

    public int Tasks => (int)Math.Max(1, (CpuMilli + 999) / 1000);

    /// <summary>Instance memory: memory_mib, at least 1 MiB (the trace lists a few pods with 0).</summary>
    public long MemoryBytes => Math.Max(1, MemoryMib) << 20;

    /// <summary>A name part in [a-z0-9-]: qos, CPU request and memory request.</summary>
    public string Slug => $"{QosAccess.Folder(Qos)}-{CpuMilli}m-{MemoryMib}mi";
}
