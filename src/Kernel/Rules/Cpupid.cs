namespace NumaActors.Kernel.Rules;

/// <summary>
/// A folio's "last cpupid" at region-bucket grain (kernel-model.md §3.3): the task that last
/// evaluated the folio remotely and the node it ran on. <see cref="Unset"/> = all ones.
/// </summary>
public readonly record struct Cpupid(int Task, int Node)
{
    public static Cpupid Unset => new(-1, -1);
    public bool IsSet => Task >= 0;
}
