namespace NumaActors.Kernel.Knobs;

/// <summary><c>kernel.numa_balancing</c>: a bit-OR of NORMAL (1) and MEMORY_TIERING (2) (kernel-model.md §1.1).</summary>
[Flags]
public enum NumaBalancingMode
{
    Disabled = 0,
    Normal = 1,
    MemoryTiering = 2,
    NormalAndTiering = Normal | MemoryTiering,
}
