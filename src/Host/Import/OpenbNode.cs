namespace NumaActors.Host.Import;

/// <summary>A row of the OpenB node list: a machine's allocatable CPU (milli-CPUs) and memory (MiB).</summary>
public sealed record OpenbNode(int Index, string Name, long CpuMilli, long MemoryMib)
{
    /// <summary>Whole CPUs, as the preset rule reads them.</summary>
    public int Cpus => (int)((CpuMilli + 999) / 1000);
}
