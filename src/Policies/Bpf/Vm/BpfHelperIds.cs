namespace NumaActors.Policies.Bpf.Vm;

/// <summary>Helper ids the simulator serves (README §2.6; ids fixed by bpf_helper_defs.h).</summary>
public static class BpfHelperIds
{
    public const int MapLookupElem = 1;
    public const int MapUpdateElem = 2;
    public const int MapDeleteElem = 3;
    public const int KtimeGetNs = 5;
    public const int TracePrintk = 6;
    public const int GetPrandomU32 = 7;
    public const int GetSmpProcessorId = 8;
    public const int GetCurrentPidTgid = 14;
    public const int GetNumaNodeId = 42;
    public const int GetCurrentCgroupId = 80;
    public const int KtimeGetBootNs = 125;
    public const int TraceVprintk = 177;

    public static bool IsKnown(int id) => id is MapLookupElem or MapUpdateElem or MapDeleteElem or KtimeGetNs or TracePrintk
        or GetPrandomU32 or GetSmpProcessorId or GetCurrentPidTgid or GetNumaNodeId or GetCurrentCgroupId or KtimeGetBootNs or TraceVprintk;
}
