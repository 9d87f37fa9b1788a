using System.Text;

namespace NumaActors.Policies.Bpf.Vm;

/// <summary>
/// The helpers of README §2.6 over one program instance's services: map access, time from the
/// simulation clock, random numbers from the instance's deterministic stream, printk into the
/// trace sink, and the hooked task's pid/node/cgroup. Bad arguments fault.
/// </summary>
internal sealed class BpfRuntimeHelpers(BpfHostServices services) : IBpfHelpers
{
    private readonly SplitMix64 random = new(services.RandomSeed);

    public BpfCallSite Site { get; set; }

    public bool IsAllowed(int id) => BpfHelperIds.IsKnown(id);

    public ulong Call(int id, BpfMemory memory, ReadOnlySpan<ulong> a)
    {
        switch (id)
        {
            case BpfHelperIds.MapLookupElem:
            {
                var map = MapOf(a[0], memory, "bpf_map_lookup_elem");
                return map.Lookup(memory.Read(a[1], (int)map.Definition.KeySize));
            }

            case BpfHelperIds.MapUpdateElem:
            {
                var map = MapOf(a[0], memory, "bpf_map_update_elem");
                var key = memory.Read(a[1], (int)map.Definition.KeySize);
                var value = memory.Read(a[2], (int)map.Definition.ValueSize);
                return (ulong)map.Update(key, value, a[3]);
            }

            case BpfHelperIds.MapDeleteElem:
            {
                var map = MapOf(a[0], memory, "bpf_map_delete_elem");
                return (ulong)map.Delete(memory.Read(a[1], (int)map.Definition.KeySize));
            }

            case BpfHelperIds.KtimeGetNs or BpfHelperIds.KtimeGetBootNs:
                return (ulong)Site.NowNs;
            case BpfHelperIds.GetPrandomU32:
                return (uint)(random.Next() >> 32);
            case BpfHelperIds.GetSmpProcessorId:
                return (uint)Site.Cpu;
            case BpfHelperIds.GetNumaNodeId:
                return (uint)Site.Node;
            case BpfHelperIds.GetCurrentPidTgid:
                return ((ulong)(uint)Site.Tgid << 32) | (uint)Site.Pid;
            case BpfHelperIds.GetCurrentCgroupId:
                return Site.CgroupId;
            case BpfHelperIds.TracePrintk:
                return Print(memory, a[0], a[1], [a[2], a[3], a[4]]);
            case BpfHelperIds.TraceVprintk:
            {
                if (a[3] % 8 != 0 || a[3] > 12 * 8 || (a[3] > 0 && a[2] == 0))
                    throw new BpfFault($"bpf_trace_vprintk: data_len {a[3]} is not a multiple of 8 up to 96");
                var data = memory.Read(a[2], (int)a[3]);
                var args = new ulong[(int)a[3] / 8];
                for (var i = 0; i < args.Length; i++)
                    args[i] = BitConverter.ToUInt64(data.Slice(i * 8, 8));
                return Print(memory, a[0], a[1], args);
            }

            default:
                throw new BpfFault($"call to unknown helper {id}");
        }
    }

    private ulong Print(BpfMemory memory, ulong fmtPtr, ulong fmtSize, ulong[] args)
    {
        if (fmtSize == 0 || fmtSize > 1024)
            throw new BpfFault($"bpf_trace_printk: fmt_size {fmtSize} out of range");
        var raw = memory.Read(fmtPtr, (int)fmtSize);
        var nul = raw.IndexOf((byte)0);
        if (nul < 0)
            throw new BpfFault("bpf_trace_printk: format is not NUL-terminated within fmt_size");
        var line = BpfPrintk.Format(Encoding.ASCII.GetString(raw[..nul]), args, memory);
        services.Trace?.Invoke(line);
        return (ulong)line.Length;
    }

    private static BpfMap MapOf(ulong handle, BpfMemory memory, string helper)
    {
        var region = memory.Region((uint)(handle >> 32));
        if (region?.Map is null || (uint)handle != 0)
            throw new BpfFault($"{helper}: argument 1 (0x{handle:x}) is not a map");
        return region.Map;
    }
}
