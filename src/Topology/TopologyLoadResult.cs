namespace NumaActors.Topology;

/// <summary>What <see cref="TopologyFile.Load"/> read: a machine when there were no errors, else null and the errors.</summary>
public sealed record TopologyLoadResult(Machine? Machine, IReadOnlyList<TopologyParseError> Errors);
