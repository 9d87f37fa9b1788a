namespace NumaActors.Host.Import;

/// <summary>
/// A deterministic stand-in for kube-scheduler: pods are bound one at a time in start order (binding
/// time, then creation time, then list order); a pod's resources return to its node at its deletion
/// time (frees at a time happen before bindings at the same time). Filter: the node's free CPU and
/// memory (trace capacity) hold the request, and the simulated machine can hold every workload the
/// scenario defines on it (see <see cref="Fits"/>). Score: kube's NodeResourcesFit LeastAllocated,
/// per resource (capacity − requested) × 100 / capacity in whole numbers, averaged over CPU and memory
/// with equal weights; the highest score wins, ties go to the first node in the list.
/// </summary>
public sealed class LeastAllocatedScheduler
{
    private const long MaxNodeScore = 100;

    private readonly IReadOnlyList<OpenbNode> _nodes;
    private readonly long[] _cpuUsed;
    private readonly long[] _memUsed;
    private readonly NodeDefinitions[] _defined;
    private readonly long _windowStart;
    private readonly long _windowEnd;

    /// <param name="machineMemoryBytes">Memory of the simulated machine of each node (its preset).</param>
    /// <param name="windowStart">Trace second where the scenario starts.</param>
    /// <param name="windowEnd">Trace second where the scenario ends; pods starting later are not scheduled.</param>
    public LeastAllocatedScheduler(IReadOnlyList<OpenbNode> nodes, IReadOnlyList<long> machineMemoryBytes, long windowStart, long windowEnd)
    {
        _nodes = nodes;
        _cpuUsed = new long[nodes.Count];
        _memUsed = new long[nodes.Count];
        _defined = nodes.Select((_, i) => new NodeDefinitions(machineMemoryBytes[i])).ToArray();
        _windowStart = windowStart;
        _windowEnd = windowEnd;
    }

    /// <summary>Places every pod that started before the window's end and ran in the trace.</summary>
    public IReadOnlyList<PodPlacement> Schedule(IEnumerable<OpenbPod> pods)
    {
        var order = pods.Where(p => p.ScheduledTime is not null && p.StartTime < _windowEnd)
            .OrderBy(p => p.StartTime).ThenBy(p => p.CreationTime).ThenBy(p => p.Index).ToList();
        var running = new PriorityQueue<(OpenbPod Pod, int Node), (long, int)>();
        var placements = new List<PodPlacement>(order.Count);
        foreach (var pod in order)
        {
            while (running.TryPeek(out var done, out var key) && key.Item1 <= pod.StartTime)
            {
                running.Dequeue();
                _cpuUsed[done.Node] -= done.Pod.CpuMilli;
                _memUsed[done.Node] -= done.Pod.MemoryMib;
            }
            var placement = Place(pod);
            placements.Add(placement);
            if (placement.Node is not { } node) continue;
            _cpuUsed[node] += pod.CpuMilli;
            _memUsed[node] += pod.MemoryMib;
            if (InWindow(pod)) _defined[node].Add(PodShape.Of(pod), AliveAtStart(pod));
            running.Enqueue((pod, node), (pod.DeletionTime, pod.Index));
        }
        return placements;
    }

    private PodPlacement Place(OpenbPod pod)
    {
        int? best = null;
        long bestScore = -1;
        var fitCapacity = false;
        for (var n = 0; n < _nodes.Count; n++)
        {
            var node = _nodes[n];
            if (_cpuUsed[n] + pod.CpuMilli > node.CpuMilli || _memUsed[n] + pod.MemoryMib > node.MemoryMib) continue;
            fitCapacity = true;
            if (!Fits(n, pod)) continue;
            var score = (Free(node.CpuMilli, _cpuUsed[n] + pod.CpuMilli) + Free(node.MemoryMib, _memUsed[n] + pod.MemoryMib)) / 2;
            if (score <= bestScore) continue;
            (best, bestScore) = (n, score);
        }
        if (best is not null) return new PodPlacement(pod, best, null);
        var reason = fitCapacity
            ? "every node with free CPU and memory would exceed its simulated machine's memory with the scenario's workload definitions"
            : $"no node has {pod.CpuMilli} milli-CPUs and {pod.MemoryMib} MiB free";
        return new PodPlacement(pod, null, reason);
    }

    private static long Free(long capacity, long requested) => (capacity - requested) * MaxNodeScore / capacity;

    /// <summary>
    /// The scenario schema starts every workload with at least one instance and checks that a server's
    /// workload definitions fit its memory together; a pod the scenario cannot hold there is filtered out.
    /// </summary>
    private bool Fits(int node, OpenbPod pod) => !InWindow(pod) || _defined[node].Fits(PodShape.Of(pod), AliveAtStart(pod));

    private bool InWindow(OpenbPod pod) => pod.StartTime < _windowEnd && pod.DeletionTime > _windowStart && pod.DeletionTime > pod.StartTime;

    private bool AliveAtStart(OpenbPod pod) => pod.StartTime <= _windowStart && pod.DeletionTime > _windowStart;

    /// <summary>Memory the scenario's workload definitions on one server take at the start: Σ memory × max(1, instances alive at start).</summary>
    private sealed class NodeDefinitions(long machineMemoryBytes)
    {
        private readonly Dictionary<PodShape, int> _aliveAtStart = [];
        private long _bytes;

        public bool Fits(PodShape shape, bool alive) => _bytes + Delta(shape, alive) <= machineMemoryBytes;

        public void Add(PodShape shape, bool alive)
        {
            _bytes += Delta(shape, alive);
            _aliveAtStart[shape] = (_aliveAtStart.TryGetValue(shape, out var n) ? n : 0) + (alive ? 1 : 0);
        }

        private long Delta(PodShape shape, bool alive)
        {
            if (!_aliveAtStart.TryGetValue(shape, out var n)) return shape.MemoryBytes;
            return alive && n >= 1 ? shape.MemoryBytes : 0;
        }
    }
}
