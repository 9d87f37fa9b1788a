namespace NumaActors.Kernel.Hooks;

/// <summary>
/// Outcome of a hook-lifecycle or cgroup-tree operation: the kernel's errno by name and a message a
/// user can act on. Refusals are results, never exceptions: a scenario event that fails is reported.
/// </summary>
public readonly record struct HookResult(Errno Errno, string Message)
{
    public bool IsOk => Errno == Errno.None;

    public static HookResult Ok { get; } = new(Errno.None, "");

    public static HookResult Fail(Errno errno, string message) => new(errno, message);

    public override string ToString() => IsOk ? "ok" : $"{Errno}: {Message}";
}
