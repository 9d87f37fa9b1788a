namespace NumaActors.Policies.Bpf.Vm;

/// <summary>Negative errno values helpers return (include/uapi/asm-generic/errno-base.h).</summary>
public static class BpfErrno
{
    public const long ENOENT = -2;
    public const long E2BIG = -7;
    public const long EEXIST = -17;
    public const long EINVAL = -22;
}
