using System.Buffers.Binary;

namespace NumaActors.Policies.Bpf.Isa;

/// <summary>One 8-byte BPF instruction slot: opcode, dst/src registers (low/high nibble), off, imm.</summary>
public readonly record struct BpfInsn(byte Opcode, byte Dst, byte Src, short Off, int Imm)
{
    public const int Size = 8;

    public byte Class => (byte)(Opcode & 0x07);

    public static BpfInsn Decode(ReadOnlySpan<byte> b) =>
        new(b[0], (byte)(b[1] & 0x0f), (byte)(b[1] >> 4), BinaryPrimitives.ReadInt16LittleEndian(b[2..]), BinaryPrimitives.ReadInt32LittleEndian(b[4..]));

    public static BpfInsn[] DecodeAll(ReadOnlySpan<byte> code)
    {
        var insns = new BpfInsn[code.Length / Size];
        for (var i = 0; i < insns.Length; i++)
            insns[i] = Decode(code.Slice(i * Size, Size));
        return insns;
    }

    public void Encode(Span<byte> b)
    {
        b[0] = Opcode;
        b[1] = (byte)((Src << 4) | (Dst & 0x0f));
        BinaryPrimitives.WriteInt16LittleEndian(b[2..], Off);
        BinaryPrimitives.WriteInt32LittleEndian(b[4..], Imm);
    }

    public bool IsLdImm64 => Opcode == BpfOpcodes.LdImm64;
}
