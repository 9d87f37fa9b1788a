namespace NumaActors.Kernel.Phases;

/// <summary>
/// Phase A → phase B: <see cref="Folios"/> hint faults of one task in one region whose folios
/// (each <see cref="PagesPerFolio"/> base pages) should move from <see cref="SrcNode"/> to
/// <see cref="DstNode"/>. <see cref="Seq"/> is the process-local request number that the result
/// echoes. <see cref="DefaultThresholdMs"/> is the requesting task's hot threshold (tiering).
/// Canonical order at the node: (TaskId, Region, Seq).
/// </summary>
public readonly record struct MigrationRequest(
    int TaskId,
    int Pid,
    int Region,
    int SrcNode,
    int DstNode,
    int Folios,
    int PagesPerFolio,
    MigrationKind Kind,
    long DefaultThresholdMs,
    int Seq) : IComparable<MigrationRequest>
{
    public int CompareTo(MigrationRequest other)
    {
        int c = TaskId.CompareTo(other.TaskId);
        if (c != 0) return c;
        c = Region.CompareTo(other.Region);
        return c != 0 ? c : Seq.CompareTo(other.Seq);
    }
}
