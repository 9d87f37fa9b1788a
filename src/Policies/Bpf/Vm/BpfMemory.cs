using System.Buffers.Binary;

namespace NumaActors.Policies.Bpf.Vm;

/// <summary>
/// The VM's address space (README §5.1): a pointer is <c>region_id &lt;&lt; 32 | offset</c>, id 0 is
/// NULL. Persistent regions (globals, map handles, map values) keep their ids for the life of the
/// program instance; transient ones (ctx, task image, stack frames) live for one call and take ids
/// from <see cref="TransientBase"/> up. Every access is bounds- and permission-checked.
/// </summary>
public sealed class BpfMemory
{
    public const uint TransientBase = 0x8000_0000;
    private readonly List<BpfRegion?> persistent = [null];
    private readonly List<BpfRegion> transient = [];

    public static ulong Pointer(uint id, uint offset) => ((ulong)id << 32) | offset;

    public uint AddPersistent(BpfRegion region)
    {
        persistent.Add(region);
        return (uint)(persistent.Count - 1);
    }

    /// <summary>Drops a persistent region; its id is never reused, so stale pointers fault.</summary>
    public void RemovePersistent(uint id)
    {
        if (id < persistent.Count)
            persistent[(int)id] = null;
    }

    public uint AddTransient(BpfRegion region)
    {
        transient.Add(region);
        return TransientBase + (uint)(transient.Count - 1);
    }

    public void ClearTransient() => transient.Clear();

    public BpfRegion? Region(uint id) =>
        id >= TransientBase
            ? (id - TransientBase < transient.Count ? transient[(int)(id - TransientBase)] : null)
            : (id < persistent.Count ? persistent[(int)id] : null);

    public BpfRegion Resolve(ulong address, int size, bool write, out int offset)
    {
        var id = (uint)(address >> 32);
        var off = (uint)address;
        if (id == 0)
            throw new BpfFault($"NULL pointer access at 0x{address:x} ({size} bytes)");
        // No region is 2 GiB long: an offset that large is a pointer moved below its region's start,
        // which borrowed from the id; name the region it came from.
        if (off > int.MaxValue && Region(id + 1) is { } below)
            throw new BpfFault($"out-of-bounds access to {below.Name}: offset {(long)off - (1L << 32)} size {size}, below its start");
        var region = Region(id) ?? throw new BpfFault($"access to unmapped address 0x{address:x}");
        if ((ulong)off + (ulong)size > (ulong)region.Length)
            throw new BpfFault($"out-of-bounds access to {region.Name}: offset {(int)off} size {size}, region is {region.Length} bytes");
        if (write && !region.Writable)
            throw new BpfFault($"write to read-only {region.Name} at offset {off}");
        offset = (int)off;
        return region;
    }

    public ulong Load(ulong address, int size)
    {
        var r = Resolve(address, size, false, out var off);
        var s = r.Data.AsSpan(off);
        return size switch
        {
            1 => s[0],
            2 => BinaryPrimitives.ReadUInt16LittleEndian(s),
            4 => BinaryPrimitives.ReadUInt32LittleEndian(s),
            _ => BinaryPrimitives.ReadUInt64LittleEndian(s),
        };
    }

    public void Store(ulong address, int size, ulong value)
    {
        var r = Resolve(address, size, true, out var off);
        var s = r.Data.AsSpan(off);
        switch (size)
        {
            case 1: s[0] = (byte)value; break;
            case 2: BinaryPrimitives.WriteUInt16LittleEndian(s, (ushort)value); break;
            case 4: BinaryPrimitives.WriteUInt32LittleEndian(s, (uint)value); break;
            default: BinaryPrimitives.WriteUInt64LittleEndian(s, value); break;
        }
    }

    /// <summary>A readable span of <paramref name="size"/> bytes at <paramref name="address"/>.</summary>
    public ReadOnlySpan<byte> Read(ulong address, int size)
    {
        var r = Resolve(address, size, false, out var off);
        return r.Data.AsSpan(off, size);
    }
}
