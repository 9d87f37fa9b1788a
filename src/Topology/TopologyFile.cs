namespace NumaActors.Topology;

/// <summary>A line-numbered problem in a topology file (numactl output or a sysfs dump).</summary>
public sealed record TopologyParseError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: error: {Message}";
}

public sealed record TopologyLoadResult(Machine? Machine, IReadOnlyList<TopologyParseError> Errors);

/// <summary>Reads a machine from <c>numactl --hardware</c> output or a copy of the sysfs node directory.</summary>
public static class TopologyFile
{
    // Filled in by the topology work (issue 2); the signature is what scenario loading calls.
    public static TopologyLoadResult Load(string path) =>
        new(null, [new TopologyParseError(path, 1, 1, "topology files are not supported yet")]);
}
