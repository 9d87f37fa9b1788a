namespace NumaActors.Kernel.Model;

/// <summary>
/// A hinting fault taken in phase A and accounted in phase C once its migration (if any) is
/// resolved: which task, region, bucket and memory node, the last cpupid read before any exchange,
/// whether it was local, and the migration request it joined (-1 = none).
/// </summary>
internal readonly record struct PendingFault(int Task, int Region, int Bucket, int MemNode, int LastTask, int LastNode, bool Local, int RequestSeq, int Pages);
