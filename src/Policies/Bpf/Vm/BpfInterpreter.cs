using System.Buffers.Binary;
using NumaActors.Policies.Bpf.Isa;

namespace NumaActors.Policies.Bpf.Vm;

/// <summary>
/// The bounds-checked interpreter (README §5.2): 11 64-bit registers, ALU32 results zero-extended,
/// shift counts masked, division by zero giving 0 and modulo by zero leaving dst, loads
/// zero-extending, the ten atomic forms, bpf-to-bpf calls with r6-r9 saved and a fresh 512-byte
/// stack per frame (at most 8 frames), and an instruction budget. A fault is a result value.
/// </summary>
public sealed class BpfInterpreter(BpfMemory memory, IBpfHelpers helpers)
{
    public const int StackSize = 512;
    public const int MaxFrames = 8;

    // Reused across calls so that a call allocates nothing once warm: frames and stack regions.
    private readonly Frame[] frames = new Frame[MaxFrames];
    private readonly BpfRegion[] stacks = new BpfRegion[MaxFrames];

    private struct Frame
    {
        public int ReturnPc;
        public ulong R6, R7, R8, R9, R10;
    }

    public BpfRunResult Run(BpfProgram program, ulong r1, long budget)
    {
        long executed = 0;
        try
        {
            var r0 = Execute(program.Code, r1, budget, ref executed);
            return new BpfRunResult(r0, executed, null);
        }
        catch (BpfFault f)
        {
            return new BpfRunResult(0, executed, f.Message);
        }
    }

    private ulong Execute(BpfInsn[] code, ulong r1, long budget, ref long executed)
    {
        Span<ulong> reg = stackalloc ulong[11];
        Span<ulong> args = stackalloc ulong[5];
        var depth = 0;
        reg[1] = r1;
        reg[10] = NewStack(0);
        var pc = 0;
        while (true)
        {
            if ((uint)pc >= (uint)code.Length)
                throw new BpfFault($"control left the program at insn {pc}");
            if (executed >= budget)
                throw new BpfFault($"instruction budget of {budget} exhausted (an endless loop?)");
            executed++;
            var x = code[pc];
            var op = x.Opcode;
            pc++;
            switch (x.Class)
            {
                case BpfOpcodes.ClassAlu64:
                    reg[x.Dst] = Alu64(op, reg[x.Dst], (op & BpfOpcodes.SourceX) != 0 ? reg[x.Src] : (ulong)(long)x.Imm);
                    break;
                case BpfOpcodes.ClassAlu:
                    if ((op & 0xf0) == BpfOpcodes.OpEnd)
                        reg[x.Dst] = ByteSwap(reg[x.Dst], x.Imm, (op & BpfOpcodes.SourceX) != 0);
                    else
                        reg[x.Dst] = Alu32(op, (uint)reg[x.Dst], (op & BpfOpcodes.SourceX) != 0 ? (uint)reg[x.Src] : (uint)x.Imm);
                    break;
                case BpfOpcodes.ClassLdx:
                    reg[x.Dst] = memory.Load(reg[x.Src] + (ulong)(long)x.Off, BpfOpcodes.SizeBytes(op));
                    break;
                case BpfOpcodes.ClassSt:
                    memory.Store(reg[x.Dst] + (ulong)(long)x.Off, BpfOpcodes.SizeBytes(op), (ulong)(long)x.Imm);
                    break;
                case BpfOpcodes.ClassStx when (op & 0xe0) == BpfOpcodes.ModeAtomic:
                    Atomic(x, reg);
                    break;
                case BpfOpcodes.ClassStx:
                    memory.Store(reg[x.Dst] + (ulong)(long)x.Off, BpfOpcodes.SizeBytes(op), reg[x.Src]);
                    break;
                case BpfOpcodes.ClassLd:
                    reg[x.Dst] = (uint)x.Imm | ((ulong)(uint)code[pc].Imm << 32);
                    pc++;
                    break;
                case BpfOpcodes.ClassJmp or BpfOpcodes.ClassJmp32:
                    var jop = op & 0xf0;
                    if (x.Class == BpfOpcodes.ClassJmp && jop == BpfOpcodes.JmpExit)
                    {
                        if (depth == 0)
                            return reg[0];
                        ref var f = ref frames[--depth];
                        (pc, reg[6], reg[7], reg[8], reg[9], reg[10]) = (f.ReturnPc, f.R6, f.R7, f.R8, f.R9, f.R10);
                        break;
                    }

                    if (x.Class == BpfOpcodes.ClassJmp && jop == BpfOpcodes.JmpCall)
                    {
                        if (x.Src == BpfOpcodes.PseudoCall)
                        {
                            if (depth + 1 >= MaxFrames)
                                throw new BpfFault($"call depth exceeds {MaxFrames} frames");
                            frames[depth++] = new Frame { ReturnPc = pc, R6 = reg[6], R7 = reg[7], R8 = reg[8], R9 = reg[9], R10 = reg[10] };
                            reg[10] = NewStack(depth);
                            pc += x.Imm;
                            break;
                        }

                        if (x.Imm == BpfOpcodes.PoisonHelperId)
                            throw new BpfFault($"executed an unresolved CO-RE instruction at insn {pc - 1}");
                        for (var a = 0; a < 5; a++)
                            args[a] = reg[a + 1];
                        reg[0] = helpers.Call(x.Imm, memory, args);
                        for (var a = 1; a <= 5; a++)
                            reg[a] = 0xdead0000UL + (ulong)a;
                        break;
                    }

                    if (x.Class == BpfOpcodes.ClassJmp && jop == BpfOpcodes.JmpJa)
                    {
                        pc += x.Off;
                        break;
                    }

                    var rhs = (op & BpfOpcodes.SourceX) != 0 ? reg[x.Src] : (ulong)(long)x.Imm;
                    if (Taken(jop, reg[x.Dst], rhs, x.Class == BpfOpcodes.ClassJmp32))
                        pc += x.Off;
                    break;
                default:
                    throw new BpfFault($"unsupported opcode 0x{op:x2} at insn {pc - 1}");
            }
        }
    }

    /// <summary>A zero-filled 512-byte frame (deterministic), r10 pointing at its end.</summary>
    private ulong NewStack(int depth)
    {
        var region = stacks[depth] ??= new BpfRegion("stack", new byte[StackSize], true);
        Array.Clear(region.Data);
        return BpfMemory.Pointer(memory.AddTransient(region), StackSize);
    }

    private static ulong Alu64(int op, ulong d, ulong s) => (op & 0xf0) switch
    {
        BpfOpcodes.OpAdd => d + s,
        BpfOpcodes.OpSub => d - s,
        BpfOpcodes.OpMul => d * s,
        BpfOpcodes.OpDiv => s == 0 ? 0 : d / s,
        BpfOpcodes.OpOr => d | s,
        BpfOpcodes.OpAnd => d & s,
        BpfOpcodes.OpLsh => d << (int)(s & 63),
        BpfOpcodes.OpRsh => d >> (int)(s & 63),
        BpfOpcodes.OpNeg => (ulong)-(long)d,
        BpfOpcodes.OpMod => s == 0 ? d : d % s,
        BpfOpcodes.OpXor => d ^ s,
        BpfOpcodes.OpMov => s,
        BpfOpcodes.OpArsh => (ulong)((long)d >> (int)(s & 63)),
        _ => throw new BpfFault($"unsupported ALU64 opcode 0x{op:x2}"),
    };

    private static ulong Alu32(int op, uint d, uint s) => (op & 0xf0) switch
    {
        BpfOpcodes.OpAdd => d + s,
        BpfOpcodes.OpSub => d - s,
        BpfOpcodes.OpMul => d * s,
        BpfOpcodes.OpDiv => s == 0 ? 0u : d / s,
        BpfOpcodes.OpOr => d | s,
        BpfOpcodes.OpAnd => d & s,
        BpfOpcodes.OpLsh => d << (int)(s & 31),
        BpfOpcodes.OpRsh => d >> (int)(s & 31),
        BpfOpcodes.OpNeg => (uint)-(int)d,
        BpfOpcodes.OpMod => s == 0 ? d : d % s,
        BpfOpcodes.OpXor => d ^ s,
        BpfOpcodes.OpMov => s,
        BpfOpcodes.OpArsh => (uint)((int)d >> (int)(s & 31)),
        _ => throw new BpfFault($"unsupported ALU opcode 0x{op:x2}"),
    };

    /// <summary><c>le N</c> truncates to N bits; <c>be N</c> byte-swaps the low N bits (README §5.2).</summary>
    private static ulong ByteSwap(ulong v, int bits, bool toBigEndian) => (bits, toBigEndian) switch
    {
        (16, false) => v & 0xffff,
        (32, false) => v & 0xffff_ffff,
        (64, false) => v,
        (16, true) => BinaryPrimitives.ReverseEndianness((ushort)v),
        (32, true) => BinaryPrimitives.ReverseEndianness((uint)v),
        (64, true) => BinaryPrimitives.ReverseEndianness(v),
        _ => throw new BpfFault($"byte swap of {bits} bits"),
    };

    private static bool Taken(int jop, ulong a, ulong b, bool is32)
    {
        if (is32)
        {
            a = (uint)a;
            b = (uint)b;
        }

        long sa = is32 ? (int)(uint)a : (long)a;
        long sb = is32 ? (int)(uint)b : (long)b;
        return jop switch
        {
            BpfOpcodes.JmpJeq => a == b,
            BpfOpcodes.JmpJne => a != b,
            BpfOpcodes.JmpJgt => a > b,
            BpfOpcodes.JmpJge => a >= b,
            BpfOpcodes.JmpJlt => a < b,
            BpfOpcodes.JmpJle => a <= b,
            BpfOpcodes.JmpJset => (a & b) != 0,
            BpfOpcodes.JmpJsgt => sa > sb,
            BpfOpcodes.JmpJsge => sa >= sb,
            BpfOpcodes.JmpJslt => sa < sb,
            BpfOpcodes.JmpJsle => sa <= sb,
            _ => throw new BpfFault($"unsupported jump opcode 0x{jop:x2}"),
        };
    }

    private void Atomic(BpfInsn x, Span<ulong> reg)
    {
        var size = BpfOpcodes.SizeBytes(x.Opcode);
        if (size != 4 && size != 8)
            throw new BpfFault($"atomic of {size} bytes");
        var addr = reg[x.Dst] + (ulong)(long)x.Off;
        var mask = size == 4 ? 0xffff_ffffUL : ulong.MaxValue;
        var old = memory.Load(addr, size);
        var src = reg[x.Src] & mask;
        switch (x.Imm)
        {
            case BpfOpcodes.AtomicXchg:
                memory.Store(addr, size, src);
                reg[x.Src] = old;
                return;
            case BpfOpcodes.AtomicCmpXchg:
                if (old == (reg[0] & mask))
                    memory.Store(addr, size, src);
                reg[0] = old;
                return;
        }

        var result = (x.Imm & ~BpfOpcodes.AtomicFetch) switch
        {
            BpfOpcodes.AtomicAdd => old + src,
            BpfOpcodes.AtomicOr => old | src,
            BpfOpcodes.AtomicAnd => old & src,
            BpfOpcodes.AtomicXor => old ^ src,
            _ => throw new BpfFault($"unsupported atomic operation 0x{x.Imm:x2}"),
        };
        memory.Store(addr, size, result & mask);
        if ((x.Imm & BpfOpcodes.AtomicFetch) != 0)
            reg[x.Src] = old;
    }
}
