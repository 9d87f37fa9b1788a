namespace NumaActors.Policies.Bpf.Vm;

/// <summary>
/// One addressable region of the VM (README §5.1): a window on a byte array, read-only or
/// writable. A map handle is a region of length 0 that carries its map.
/// </summary>
public sealed class BpfRegion(string name, byte[] data, bool writable, BpfMap? map = null)
{
    public string Name { get; } = name;
    public byte[] Data { get; } = data;
    public int Length => Data.Length;
    public bool Writable { get; } = writable;
    public BpfMap? Map { get; } = map;
}
