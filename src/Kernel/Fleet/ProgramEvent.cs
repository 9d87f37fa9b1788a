namespace NumaActors.Kernel.Fleet;

/// <summary>
/// Something a hook program did on one server that the report shows, taken at <see cref="AtMs"/>
/// (the start of the tick after it happened): a <c>fault</c> (the program was detached from the
/// cgroup) or a <c>printk</c> line. Which policy, which workload's cgroup, and the text.
/// </summary>
public sealed record ProgramEvent(long AtMs, string Kind, string Policy, string Workload, ulong CgroupId, string Message)
{
    public const string Fault = "fault";
    public const string Printk = "printk";
}
