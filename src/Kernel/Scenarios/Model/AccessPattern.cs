namespace NumaActors.Kernel.Scenarios;

/// <summary>How a task's accesses spread over its memory (CONTRACT.md §2, <c>access.pattern</c>).</summary>
public enum AccessPattern
{
    Uniform,
    Zipf,
    Hotset,
}
