namespace NumaActors.Kernel.Setup;

/// <summary>How a task's accesses spread over the regions it touches (CONTRACT.md §2 <c>access.pattern</c>).</summary>
public enum AccessPattern
{
    /// <summary>Every region equally.</summary>
    Uniform,

    /// <summary>Region of rank i (address order) gets weight 1/(i+1)^skew.</summary>
    Zipf,

    /// <summary>The first <c>skew</c> fraction of the regions gets 90% of the accesses.</summary>
    Hotset,
}
