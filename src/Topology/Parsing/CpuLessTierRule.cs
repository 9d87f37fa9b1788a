namespace NumaActors.Topology.Parsing;

/// <summary>
/// Neither numactl nor sysfs says what kind of memory a node holds, so parsed files get a tier by rule:
/// a node without CPUs is the slow tier, a node with CPUs the fast (top) tier. This is what memory
/// tiering does with a machine in practice: CXL expanders and PMEM come up as CPU-less nodes in a lower
/// tier and are the demotion targets of the CPU nodes (kernel-model §8.2: CXL nodes are "excluded from
/// sched topology; lower memory tier"). Known limit: CPU-less HBM (Xeon Max flat mode) is faster, not
/// slower; edit <c>tier:</c> in the emitted scenario block for such machines.
/// </summary>
public static class CpuLessTierRule
{
    public static MemoryTier TierFor(int cpus) => cpus == 0 ? MemoryTier.Slow : MemoryTier.Fast;
}
