namespace NumaActors.Host.Import;

/// <summary>
/// A row of the OpenB pod list. Times are seconds from the trace start; <see cref="ScheduledTime"/> is
/// null for pods the real cluster never bound to a node (pod_phase Pending).
/// </summary>
public sealed record OpenbPod(
    int Index, string Name, long CpuMilli, long MemoryMib, string Qos, string Phase,
    long CreationTime, long DeletionTime, long? ScheduledTime)
{
    /// <summary>When the pod starts holding a node's resources: its binding time (a queued pod holds nothing).</summary>
    public long StartTime => Math.Max(CreationTime, ScheduledTime ?? CreationTime);
}
