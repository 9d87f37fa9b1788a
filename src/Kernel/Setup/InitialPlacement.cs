namespace NumaActors.Kernel.Setup;

/// <summary><c>first-touch | interleave | node:N | spread</c>; <see cref="Node"/> is used only by <see cref="InitialPlacementKind.Node"/>.</summary>
public readonly record struct InitialPlacement(InitialPlacementKind Kind, int Node = 0)
{
    public static InitialPlacement FirstTouch => new(InitialPlacementKind.FirstTouch);
    public static InitialPlacement Interleave => new(InitialPlacementKind.Interleave);
    public static InitialPlacement Spread => new(InitialPlacementKind.Spread);
    public static InitialPlacement OnNode(int node) => new(InitialPlacementKind.Node, node);
}
