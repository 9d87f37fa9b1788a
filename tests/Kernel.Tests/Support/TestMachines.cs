using NumaActors.Topology;

namespace NumaActors.Kernel.Tests.Support;

internal static class TestMachines
{
    private const long GiB = 1L << 30;

    /// <summary>Two DRAM nodes, SLIT 10/21, 8 CPUs and the given memory each.</summary>
    public static Machine TwoNode(long memoryPerNodeBytes = 8 * GiB, int cpus = 8) =>
        new("test-2n", [new NumaNode(0, cpus, memoryPerNodeBytes), new NumaNode(1, cpus, memoryPerNodeBytes)], [[10, 21], [21, 10]]);

    /// <summary>One DRAM node with CPUs and one CPU-less slow (CXL) node.</summary>
    public static Machine Tiered(long fastBytes, long slowBytes) =>
        new("test-tiered", [new NumaNode(0, 8, fastBytes), new NumaNode(1, 0, slowBytes, MemoryTier.Slow)], [[10, 30], [30, 10]]);

    /// <summary>2 sockets × 2 nodes, SLIT 10/12/32: a BACKPLANE topology.</summary>
    public static Machine Backplane() =>
        new("test-4n", Enumerable.Range(0, 4).Select(i => new NumaNode(i, 8, 8 * GiB)),
            [[10, 12, 32, 32], [12, 10, 32, 32], [32, 32, 10, 12], [32, 32, 12, 10]]);

    /// <summary>4 nodes in a ring (10/16/22): GLUELESS_MESH.</summary>
    public static Machine Mesh() =>
        new("test-mesh", Enumerable.Range(0, 4).Select(i => new NumaNode(i, 8, 8 * GiB)),
            [[10, 16, 22, 16], [16, 10, 16, 22], [22, 16, 10, 16], [16, 22, 16, 10]]);
}
