namespace NumaActors.Kernel.Rules;

/// <summary>
/// <c>should_numa_migrate_memory</c>, NORMAL path (kernel-model.md §5.2): the early-life rule,
/// the two-stage filter and the group rule. The caller has already exchanged the cpupid and
/// passes the previous value in <paramref name="last"/>.
/// </summary>
public static class MigrationFilter
{
    public static bool ShouldMigrate(
        int currentTask,
        int dstNode,
        int srcNode,
        Cpupid last,
        int preferredNode,
        int taskScanSeq,
        GroupFaultView? group)
    {
        // Early life: migrate first-touch/private faults immediately.
        if ((preferredNode == KernelConstants.NoNode || taskScanSeq <= 4) && (!last.IsSet || last.Task == currentTask))
            return true;
        // Two-stage filter: the previous accessor must have been on the destination node.
        if (last.IsSet && last.Node != dstNode) return false;
        if (last.Task == currentTask) return true;
        if (group is not { } g) return true;
        long cpuDst = g.CpuFaults(dstNode), cpuSrc = g.CpuFaults(srcNode);
        if (cpuDst > 3 * cpuSrc) return true;
        // 3/4 hysteresis on the cpu/mem ratio.
        return cpuDst * g.MemFaults(srcNode) * 3 > cpuSrc * g.MemFaults(dstNode) * 4;
    }
}
