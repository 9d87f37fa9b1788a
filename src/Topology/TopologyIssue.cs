namespace NumaActors.Topology;

public enum IssueSeverity
{
    Error,
    Warning,
}

/// <summary>
/// A problem found in a machine description. <see cref="Row"/> and <see cref="Column"/> locate it
/// in the distance matrix when it is there; <see cref="NodeIndex"/> when it is about one node entry.
/// </summary>
public sealed record TopologyIssue(IssueSeverity Severity, string Message, int? NodeIndex = null, int? Row = null, int? Column = null);
