namespace NumaActors.Policies.Bpf.Vm;

/// <summary>
/// One map of one program instance. HASH (and PERCPU/LRU hash as one CPU), ARRAY (and PERCPU
/// array). Each value is its own VM region so that a value pointer is bounds-checked; a deleted
/// value stays mapped until the end of the call, as the kernel keeps it under RCU (README §5.1).
/// </summary>
public sealed class BpfMap
{
    private readonly BpfMemory memory;
    private readonly Dictionary<byte[], (uint Region, byte[] Value)> entries = new(ByteKeyComparer.Instance);
    private readonly List<byte[]> insertionOrder = [];
    private readonly List<uint> retired = [];
    private readonly (uint Region, byte[]? Value)[]? slots;

    public BpfMap(BpfMapDefinition definition, BpfMemory memory)
    {
        Definition = definition;
        this.memory = memory;
        if (definition.IsArrayLike)
            slots = new (uint, byte[]?)[definition.MaxEntries];
    }

    // Array slots get their region on first use, so a large array costs nothing until touched.
    private (uint Region, byte[] Value) Slot(uint i)
    {
        var s = slots![i];
        if (s.Value is { } existing)
            return (s.Region, existing);
        var v = new byte[Definition.ValueSize];
        slots[i] = (memory.AddPersistent(new BpfRegion($"map {Definition.Name}[{i}]", v, true)), v);
        return (slots[i].Region, v);
    }

    public BpfMapDefinition Definition { get; }

    public int Count => slots?.Length ?? entries.Count;

    /// <summary>Pointer to the value, or 0 (NULL) when absent.</summary>
    public ulong Lookup(ReadOnlySpan<byte> key)
    {
        if (slots is not null)
        {
            var i = BitConverter.ToUInt32(key);
            return i < slots.Length ? BpfMemory.Pointer(Slot(i).Region, 0) : 0;
        }

        return entries.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(key, out var e) ? BpfMemory.Pointer(e.Region, 0) : 0;
    }

    public long Update(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, ulong flags)
    {
        if (flags > 2)
            return BpfErrno.EINVAL;
        if (slots is not null)
        {
            var i = BitConverter.ToUInt32(key);
            if (i >= slots.Length)
                return BpfErrno.E2BIG;
            if (flags == 1)
                return BpfErrno.EEXIST;
            value.CopyTo(Slot(i).Value);
            return 0;
        }

        if (entries.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(key, out var e))
        {
            if (flags == 1)
                return BpfErrno.EEXIST;
            value.CopyTo(e.Value);
            return 0;
        }

        var k = key.ToArray();
        if (flags == 2)
            return BpfErrno.ENOENT;
        if (entries.Count >= Definition.MaxEntries)
        {
            if (Definition.Type != BpfMapDefinition.TypeLruHash)
                return BpfErrno.E2BIG;
            Delete(insertionOrder[0]);
        }

        var v = value.ToArray();
        entries[k] = (memory.AddPersistent(new BpfRegion($"map {Definition.Name} value", v, true)), v);
        insertionOrder.Add(k);
        return 0;
    }

    public long Delete(ReadOnlySpan<byte> key)
    {
        if (slots is not null)
            return BpfErrno.EINVAL;
        var k = key.ToArray();
        if (!entries.Remove(k, out var e))
            return BpfErrno.ENOENT;
        insertionOrder.RemoveAt(insertionOrder.FindIndex(x => ByteKeyComparer.Instance.Equals(x, k)));
        retired.Add(e.Region);
        return 0;
    }

    /// <summary>End of a call: values deleted during it are unmapped now.</summary>
    public void EndCall()
    {
        if (retired.Count == 0)
            return;
        foreach (var id in retired)
            memory.RemovePersistent(id);
        retired.Clear();
    }

    /// <summary>The entries in insertion order (key, value), for inspection and tests.</summary>
    public IReadOnlyList<(byte[] Key, byte[] Value)> Entries()
    {
        if (slots is not null)
            return slots.Select((s, i) => (BitConverter.GetBytes((uint)i), s.Value ?? new byte[Definition.ValueSize])).ToList();
        return insertionOrder.Select(k => (k, entries[k].Value)).ToList();
    }
}
