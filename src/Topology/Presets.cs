namespace NumaActors.Topology;

/// <summary>
/// Built-in machines from published figures. Conventions for every preset:
/// <list type="bullet">
/// <item>CPUs are hardware threads (SMT on), as <c>numactl --hardware</c> and sysfs count them and as
/// the scheduler places tasks.</item>
/// <item>Memory is the installed DRAM of a typical configuration: one RDIMM per channel.</item>
/// <item>Distances are ACPI SLIT values as firmware reports them (kernel-model §8.2, field-notes §3.7).</item>
/// <item>LatencyNs is the idle load-to-use latency, row = CPU node, column = memory node. Where no
/// measurement of that exact part exists, the comment says how the figure was derived from one that does.</item>
/// </list>
/// </summary>
public static class Presets
{
    private const long GiB = 1L << 30;

    public static IReadOnlyList<Machine> All { get; } =
    [
        Test2Node(),
        Epyc9654Nps1(),
        Epyc9654Nps4(),
        Xeon8480(),
        Xeon8480Snc4(),
        Tiered2Dram2Cxl(),
        Epyc1SocketNps2(),
    ];

    public static Machine? Find(string name) => All.FirstOrDefault(m => m.Name == name);

    // A small machine for tests: 2 nodes x 4 CPUs x 4 GiB, SLIT 20 (the common BIOS value for 2 sockets).
    // No real part: latencies scale a 100 ns local access by SLIT/10 (kernel-model §8.3).
    private static Machine Test2Node() => new(
        "test-2node",
        Nodes(cpusPerNode: 4, memoryPerNode: 4 * GiB, count: 2),
        Socketed(nodesPerSocket: 1, sockets: 2, local: 10, sameSocket: 0, crossSocket: 20),
        Socketed(nodesPerSocket: 1, sockets: 2, local: 100.0, sameSocket: 0, crossSocket: 200.0));

    // 2 x AMD EPYC 9654 (Genoa, 96 cores / 192 threads per socket), NPS1: one node per socket.
    // Memory: 12 DDR5 channels per socket x 64 GiB = 768 GiB per node.
    // SLIT 10/32: the 2-socket EPYC NPS1 table of field-notes §3.7 (seen on Genoa/Turin boxes, e.g.
    // github.com/egandro/proxmox-cpu-affinity/issues/58, 2 x EPYC 9375F).
    // Latency: local 118 ns, Chips and Cheese "Genoa-X: Server V-Cache Round 2" (2023) finds Genoa's DRAM
    // latency "nearly identical" to Sapphire Rapids, measured at 117.4/117.9 ns (field-notes §3.6);
    // cross-socket +80 ns, the middle of the +60..100 ns range of kernel-model §8.2 (UNVERIFIED there).
    private static Machine Epyc9654Nps1() => new(
        "amd-epyc-9654-2s-nps1",
        Nodes(cpusPerNode: 192, memoryPerNode: 768 * GiB, count: 2),
        Socketed(nodesPerSocket: 1, sockets: 2, local: 10, sameSocket: 0, crossSocket: 32),
        Socketed(nodesPerSocket: 1, sockets: 2, local: 118.0, sameSocket: 0, crossSocket: 198.0));

    // 2 x AMD EPYC 9654, NPS4: four nodes per socket, 48 threads and 3 channels x 64 GiB = 192 GiB each.
    // SLIT 10/12/32: field-notes §3.7 (2-socket EPYC NPS4, e.g. a public 2 x EPYC 7413 log; Genoa's
    // intra-socket 11 vs 12 is unverified, 12 is used).
    // Latency: AnandTech's Rome review measured NPS4 local at 113 ns vs 122 ns in NPS1 (128 MiB full
    // random), so local = 118 x 113 / 122 = 109.3 ns. NPS1 interleaves over the socket's four quadrants,
    // so its 118 ns is the mean of one local and three near quadrants: near = (4 x 118 - 109.3) / 3 = 120.9 ns.
    // Cross-socket 198 ns as in NPS1.
    private static Machine Epyc9654Nps4() => new(
        "amd-epyc-9654-2s-nps4",
        Nodes(cpusPerNode: 48, memoryPerNode: 192 * GiB, count: 8),
        Socketed(nodesPerSocket: 4, sockets: 2, local: 10, sameSocket: 12, crossSocket: 32),
        Socketed(nodesPerSocket: 4, sockets: 2, local: 109.3, sameSocket: 120.9, crossSocket: 198.0));

    // 2 x Intel Xeon Platinum 8480+ (Sapphire Rapids, 56 cores / 112 threads per socket), SNC off.
    // Memory: 8 DDR5 channels per socket x 64 GiB = 512 GiB per node.
    // SLIT 10/21: plain 2-socket Intel (stevescargall.com "Linux NUMA distances explained", 2022).
    // Latency: Intel MLC 3.9a --latency_matrix -r on a Huawei 2288H V7 with 2 x Xeon Silver 4410Y, the same
    // Sapphire Rapids generation: 117.4/117.9 ns local, 184.3 (0->1) / 186.0 (1->0) ns remote (field-notes §3.6;
    // a public GitHub test log), kept asymmetric as measured. The 8480+'s larger mesh may add a few ns.
    private static Machine Xeon8480() => new(
        "intel-xeon-8480-2s",
        Nodes(cpusPerNode: 112, memoryPerNode: 512 * GiB, count: 2),
        Socketed(nodesPerSocket: 1, sockets: 2, local: 10, sameSocket: 0, crossSocket: 21),
        [[117.4, 184.3], [186.0, 117.9]]);

    // 2 x Xeon Platinum 8480+ with SNC4: four nodes per socket, 28 threads and 2 channels x 64 GiB = 128 GiB each.
    // SLIT 10/12/21 (sub-NUMA clusters of one socket at 12, the other socket at 21; field-notes §3.7 shows
    // Intel SNC firmware using 11..12 within a socket and 21 across).
    // Latency: no SNC4 measurement was found. With SNC off, accesses interleave over the four clusters, so
    // the measured mean 117.6 ns = (L + 3N) / 4 with N / L = 12 / 10 (SLIT scaling, kernel-model §8.3):
    // L = 117.6 x 4 / 4.6 = 102.3 ns, N = 1.2 x 102.3 = 122.7 ns. Cross-socket (184.3 + 186.0) / 2 = 185.2 ns.
    private static Machine Xeon8480Snc4() => new(
        "intel-xeon-8480-2s-snc4",
        Nodes(cpusPerNode: 28, memoryPerNode: 128 * GiB, count: 8),
        Socketed(nodesPerSocket: 4, sockets: 2, local: 10, sameSocket: 12, crossSocket: 21),
        Socketed(nodesPerSocket: 4, sockets: 2, local: 102.3, sameSocket: 122.7, crossSocket: 185.2));

    // Tiered: 2 x Xeon 8480+ (112 threads, 8 x 32 GiB = 256 GiB DRAM per socket) plus one 128 GiB CXL
    // Type-3 memory expander per socket, onlined as CPU-less slow-tier nodes 2 and 3.
    // SLIT: the real table of a 2-socket Sapphire Rapids with two CXL expanders
    // (stevescargall.com "How to map a CXL endpoint to a CPU socket in Linux", 2022):
    // CXL at 14 from its own socket, 24 from the other, 26 between the two expanders.
    // Latency: MLC on a 2-socket Sapphire Rapids with a CXL node (field-notes §3.6): DRAM as in
    // intel-xeon-8480-2s; CXL 391.0 ns from its own socket, 561.7 ns from the other. The rows of the
    // CPU-less nodes mirror their columns (no CPU there issues loads; kept square for the model).
    private static Machine Tiered2Dram2Cxl() => new(
        "tiered-2dram-2cxl",
        [
            new NumaNode(0, 112, 256 * GiB),
            new NumaNode(1, 112, 256 * GiB),
            new NumaNode(2, 0, 128 * GiB, MemoryTier.Slow),
            new NumaNode(3, 0, 128 * GiB, MemoryTier.Slow),
        ],
        [[10, 21, 14, 24], [21, 10, 24, 14], [14, 24, 10, 26], [24, 14, 26, 10]],
        [
            [117.4, 184.3, 391.0, 561.7],
            [186.0, 117.9, 561.7, 391.0],
            [391.0, 561.7, 391.0, 561.7],
            [561.7, 391.0, 561.7, 391.0],
        ]);

    // 1 x AMD EPYC 9124 (Genoa, 16 cores / 32 threads) in NPS2: two nodes of 16 threads and 128 GiB.
    // The fleet-trace importer maps the OpenB trace's 32-CPU, 256 GiB nodes to it.
    // SLIT 10/11: Genoa NPS2 (kernel-model §8.2, table of typical firmware values).
    // Latency: NPS1's 118 ns (see amd-epyc-9654-2s-nps1) is the mean of the two halves, (L + N) / 2 = 118,
    // with N / L = 11 / 10 (SLIT scaling, kernel-model §8.3): L = 236 / 2.1 = 112.4 ns, N = 123.6 ns.
    private static Machine Epyc1SocketNps2() => new(
        "amd-epyc-1s-nps2",
        Nodes(cpusPerNode: 16, memoryPerNode: 128 * GiB, count: 2),
        Socketed(nodesPerSocket: 2, sockets: 1, local: 10, sameSocket: 11, crossSocket: 0),
        Socketed(nodesPerSocket: 2, sockets: 1, local: 112.4, sameSocket: 123.6, crossSocket: 0));

    private static IEnumerable<NumaNode> Nodes(int cpusPerNode, long memoryPerNode, int count) =>
        Enumerable.Range(0, count).Select(id => new NumaNode(id, cpusPerNode, memoryPerNode));

    /// <summary>A symmetric matrix for sockets of equal nodes, numbered socket by socket.</summary>
    private static T[][] Socketed<T>(int nodesPerSocket, int sockets, T local, T sameSocket, T crossSocket)
    {
        var n = nodesPerSocket * sockets;
        var m = new T[n][];
        for (var r = 0; r < n; r++)
        {
            m[r] = new T[n];
            for (var c = 0; c < n; c++)
                m[r][c] = r == c ? local : r / nodesPerSocket == c / nodesPerSocket ? sameSocket : crossSocket;
        }
        return m;
    }
}
