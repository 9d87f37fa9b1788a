using System.Collections.Immutable;

namespace NumaActors.Topology;

/// <summary>
/// A server's NUMA layout: nodes, the ACPI SLIT distance matrix (10 = local) and, where known,
/// measured idle access latencies in nanoseconds (row = CPU node, column = memory node).
/// Equality is structural so that a machine printed and parsed again compares equal.
/// </summary>
public sealed class Machine : IEquatable<Machine>
{
    public Machine(string name, IEnumerable<NumaNode> nodes, int[][] distances, double[][]? latencyNs = null)
    {
        Name = name;
        Nodes = nodes.ToImmutableArray();
        Distances = distances.Select(r => r.ToImmutableArray()).ToImmutableArray();
        LatencyNs = latencyNs?.Select(r => r.ToImmutableArray()).ToImmutableArray();
    }

    public string Name { get; }
    public ImmutableArray<NumaNode> Nodes { get; }
    public ImmutableArray<ImmutableArray<int>> Distances { get; }

    /// <summary>Measured idle latency matrix, or null when only SLIT distances are known.</summary>
    public ImmutableArray<ImmutableArray<double>>? LatencyNs { get; }

    public int NodeCount => Nodes.Length;
    public int TotalCpus => Nodes.Sum(n => n.Cpus);
    public long TotalMemoryBytes => Nodes.Sum(n => n.MemoryBytes);
    public int Distance(int from, int to) => Distances[from][to];

    public bool Equals(Machine? other) =>
        other is not null
        && Nodes.SequenceEqual(other.Nodes)
        && Distances.Length == other.Distances.Length
        && Distances.Zip(other.Distances).All(p => p.First.SequenceEqual(p.Second));

    public override bool Equals(object? obj) => Equals(obj as Machine);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var n in Nodes) h.Add(n);
        foreach (var row in Distances) foreach (var d in row) h.Add(d);
        return h.ToHashCode();
    }

    public override string ToString() => $"{Name}: {NodeCount} nodes, {TotalCpus} CPUs, {Units.Units.FormatSize(TotalMemoryBytes)}";
}
