namespace NumaActors.Kernel.Scenarios;

/// <summary>Where a workload's memory starts: <c>first-touch | interleave | node:N | spread</c>.</summary>
public enum InitialMemoryKind
{
    FirstTouch,
    Interleave,
    Node,
    Spread,
}
