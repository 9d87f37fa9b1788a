namespace NumaActors.Policies.Bpf.Layout;

/// <summary>A member of a simulator struct: bit offset, and bitfield width (0 = not a bitfield).</summary>
public sealed record SimMember(string Name, SimType Type, int BitOffset, int BitfieldSize = 0)
{
    public int ByteOffset => BitOffset / 8;
}
