namespace NumaActors.Policies.Bpf.Isa;

/// <summary>Opcode field values of the BPF ISA (RFC 9669 §3-§5).</summary>
public static class BpfOpcodes
{
    public const byte ClassLd = 0x00;
    public const byte ClassLdx = 0x01;
    public const byte ClassSt = 0x02;
    public const byte ClassStx = 0x03;
    public const byte ClassAlu = 0x04;
    public const byte ClassJmp = 0x05;
    public const byte ClassJmp32 = 0x06;
    public const byte ClassAlu64 = 0x07;

    public const byte SourceX = 0x08;

    public const byte OpAdd = 0x00;
    public const byte OpSub = 0x10;
    public const byte OpMul = 0x20;
    public const byte OpDiv = 0x30;
    public const byte OpOr = 0x40;
    public const byte OpAnd = 0x50;
    public const byte OpLsh = 0x60;
    public const byte OpRsh = 0x70;
    public const byte OpNeg = 0x80;
    public const byte OpMod = 0x90;
    public const byte OpXor = 0xa0;
    public const byte OpMov = 0xb0;
    public const byte OpArsh = 0xc0;
    public const byte OpEnd = 0xd0;

    public const byte JmpJa = 0x00;
    public const byte JmpJeq = 0x10;
    public const byte JmpJgt = 0x20;
    public const byte JmpJge = 0x30;
    public const byte JmpJset = 0x40;
    public const byte JmpJne = 0x50;
    public const byte JmpJsgt = 0x60;
    public const byte JmpJsge = 0x70;
    public const byte JmpCall = 0x80;
    public const byte JmpExit = 0x90;
    public const byte JmpJlt = 0xa0;
    public const byte JmpJle = 0xb0;
    public const byte JmpJslt = 0xc0;
    public const byte JmpJsle = 0xd0;

    public const byte ModeImm = 0x00;
    public const byte ModeMem = 0x60;
    public const byte ModeAtomic = 0xc0;

    public const byte SizeW = 0x00;
    public const byte SizeH = 0x08;
    public const byte SizeB = 0x10;
    public const byte SizeDw = 0x18;

    public const byte LdImm64 = 0x18;
    public const byte Call = 0x85;
    public const byte Exit = 0x95;
    public const byte Ja = 0x05;

    public const int AtomicFetch = 0x01;
    public const int AtomicAdd = 0x00;
    public const int AtomicOr = 0x40;
    public const int AtomicAnd = 0x50;
    public const int AtomicXor = 0xa0;
    public const int AtomicXchg = 0xe1;
    public const int AtomicCmpXchg = 0xf1;

    public const byte PseudoCall = 1;
    public const byte PseudoKfuncCall = 2;

    /// <summary>What libbpf writes into a CO-RE insn it could not resolve (README §4 step 6).</summary>
    public const int PoisonHelperId = 0xbad2310;

    public static int SizeBytes(byte opcode) => (opcode & 0x18) switch
    {
        SizeW => 4,
        SizeH => 2,
        SizeB => 1,
        _ => 8,
    };
}
