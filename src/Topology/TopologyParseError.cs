namespace NumaActors.Topology;

/// <summary>A line-numbered problem in a topology file (numactl output or a sysfs dump). Lines and columns count from 1.</summary>
public sealed record TopologyParseError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: error: {Message}";
}
