namespace NumaActors.Topology;

/// <summary>Checks a machine description against the rules of ACPI SLIT and of the simulator.</summary>
public static class TopologyValidator
{
    // Filled in by the topology work (issue 2); the signature is what scenario validation calls.
    public static IReadOnlyList<TopologyIssue> Validate(Machine machine) => [];
}
