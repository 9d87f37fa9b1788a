namespace NumaActors.Kernel.Phases;

/// <summary>
/// Pages that left <see cref="FromNode"/> (migrated or demoted) and, for demotions, arrived at
/// <see cref="ToNode"/> (-1 when the arrival was already accounted by the target in phase B).
/// Emitted in phase C; nodes apply them at the start of the next phase B.
/// </summary>
public readonly record struct PageTransfer(int FromNode, int ToNode, long Pages);
