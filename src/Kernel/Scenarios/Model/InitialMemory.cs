namespace NumaActors.Kernel.Scenarios;

/// <summary>Initial memory placement; <see cref="Node"/> is set only for <see cref="InitialMemoryKind.Node"/>.</summary>
public sealed record InitialMemory(InitialMemoryKind Kind, int? Node = null)
{
    public static InitialMemory FirstTouch { get; } = new(InitialMemoryKind.FirstTouch);
}
