using System.Globalization;

namespace NumaActors.Policies.Bpf.Isa;

/// <summary>
/// One instruction in LLVM's BPF assembly syntax, as <c>llvm-objdump -d</c> (LLVM 14, default
/// feature set) prints it: loads, stores and 32-bit XADD with r registers, the other 32-bit
/// atomics as <c>&lt;unknown&gt;</c> because LLVM decodes them only with the alu32 feature.
/// </summary>
public static class BpfDisassembler
{
    /// <summary>Text of <paramref name="insns"/>[<paramref name="i"/>]; <paramref name="label"/> names a jump target.</summary>
    public static string Format(IReadOnlyList<BpfInsn> insns, int i, Func<int, string?>? label = null)
    {
        var x = insns[i];
        var cls = x.Class;
        var dst = $"r{x.Dst}";
        var src = $"r{x.Src}";
        switch (cls)
        {
            case BpfOpcodes.ClassAlu64:
            case BpfOpcodes.ClassAlu:
                return Alu(x, cls == BpfOpcodes.ClassAlu64 ? "r" : "w");
            case BpfOpcodes.ClassJmp:
            case BpfOpcodes.ClassJmp32:
                return Jump(x, i, cls == BpfOpcodes.ClassJmp ? "r" : "w", label);
            case BpfOpcodes.ClassLdx when (x.Opcode & 0xe0) == BpfOpcodes.ModeMem:
                return $"{dst} = *({Ty(x.Opcode)} *)({Addr(src, x.Off)})";
            case BpfOpcodes.ClassStx when (x.Opcode & 0xe0) == BpfOpcodes.ModeMem:
                return $"*({Ty(x.Opcode)} *)({Addr(dst, x.Off)}) = {src}";
            case BpfOpcodes.ClassSt when (x.Opcode & 0xe0) == BpfOpcodes.ModeMem:
                return $"*({Ty(x.Opcode)} *)({Addr(dst, x.Off)}) = {x.Imm}";
            case BpfOpcodes.ClassStx when (x.Opcode & 0xe0) == BpfOpcodes.ModeAtomic:
                return Atomic(x);
            case BpfOpcodes.ClassLd when x.Opcode == BpfOpcodes.LdImm64 && i + 1 < insns.Count:
                var v = (long)(((ulong)(uint)insns[i + 1].Imm << 32) | (uint)x.Imm);
                return $"{dst} = {v.ToString(CultureInfo.InvariantCulture)} ll";
            default:
                return "<unknown>";
        }
    }

    private static string Alu(BpfInsn x, string r)
    {
        var op = x.Opcode & 0xf0;
        var dst = $"{r}{x.Dst}";
        var k = (x.Opcode & BpfOpcodes.SourceX) == 0;
        var rhs = k ? x.Imm.ToString(CultureInfo.InvariantCulture) : $"{r}{x.Src}";
        if (op == BpfOpcodes.OpEnd)
        {
            // Byte swaps always name the 64-bit register.
            var kind = k ? "le" : "be";
            return $"r{x.Dst} = {kind}{x.Imm} r{x.Dst}";
        }

        return op switch
        {
            BpfOpcodes.OpNeg => $"{dst} = -{dst}",
            BpfOpcodes.OpMov => $"{dst} = {rhs}",
            _ => $"{dst} {AluOperator(op)} {rhs}",
        };
    }

    private static string AluOperator(int op) => op switch
    {
        BpfOpcodes.OpAdd => "+=",
        BpfOpcodes.OpSub => "-=",
        BpfOpcodes.OpMul => "*=",
        BpfOpcodes.OpDiv => "/=",
        BpfOpcodes.OpOr => "|=",
        BpfOpcodes.OpAnd => "&=",
        BpfOpcodes.OpLsh => "<<=",
        BpfOpcodes.OpRsh => ">>=",
        BpfOpcodes.OpMod => "%=",
        BpfOpcodes.OpXor => "^=",
        BpfOpcodes.OpArsh => "s>>=",
        _ => "?=",
    };

    private static string Jump(BpfInsn x, int i, string r, Func<int, string?>? label)
    {
        var op = x.Opcode & 0xf0;
        var target = Target(i + 1 + x.Off, label);
        var rel = x.Off >= 0 ? $"+{x.Off}" : x.Off.ToString(CultureInfo.InvariantCulture);
        switch (op)
        {
            case BpfOpcodes.JmpJa when x.Class == BpfOpcodes.ClassJmp:
                return $"goto {rel}{target}";
            case BpfOpcodes.JmpCall when x.Class == BpfOpcodes.ClassJmp:
                return $"call {x.Imm}";
            case BpfOpcodes.JmpExit when x.Class == BpfOpcodes.ClassJmp:
                return "exit";
        }

        var cmp = op switch
        {
            BpfOpcodes.JmpJeq => "==",
            BpfOpcodes.JmpJgt => ">",
            BpfOpcodes.JmpJge => ">=",
            BpfOpcodes.JmpJset => "&",
            BpfOpcodes.JmpJne => "!=",
            BpfOpcodes.JmpJsgt => "s>",
            BpfOpcodes.JmpJsge => "s>=",
            BpfOpcodes.JmpJlt => "<",
            BpfOpcodes.JmpJle => "<=",
            BpfOpcodes.JmpJslt => "s<",
            BpfOpcodes.JmpJsle => "s<=",
            _ => null,
        };
        if (cmp is null)
            return "<unknown>";
        var rhs = (x.Opcode & BpfOpcodes.SourceX) == 0 ? x.Imm.ToString(CultureInfo.InvariantCulture) : $"{r}{x.Src}";
        return $"if {r}{x.Dst} {cmp} {rhs} goto {rel}{target}";
    }

    private static string Target(int index, Func<int, string?>? label)
    {
        var name = label?.Invoke(index);
        return name is null ? "" : $" <{name}>";
    }

    private static string Atomic(BpfInsn x)
    {
        var dw = (x.Opcode & 0x18) == BpfOpcodes.SizeDw;
        var addr = Addr($"r{x.Dst}", x.Off);
        var src = $"r{x.Src}";
        if (!dw)
            return x.Imm == BpfOpcodes.AtomicAdd ? $"lock *(u32 *)({addr}) += {src}" : "<unknown>";
        return x.Imm switch
        {
            BpfOpcodes.AtomicAdd => $"lock *(u64 *)({addr}) += {src}",
            BpfOpcodes.AtomicOr => $"lock *(u64 *)({addr}) |= {src}",
            BpfOpcodes.AtomicAnd => $"lock *(u64 *)({addr}) &= {src}",
            BpfOpcodes.AtomicXor => $"lock *(u64 *)({addr}) ^= {src}",
            BpfOpcodes.AtomicAdd | BpfOpcodes.AtomicFetch => $"{src} = atomic_fetch_add((u64 *)({addr}), {src})",
            BpfOpcodes.AtomicOr | BpfOpcodes.AtomicFetch => $"{src} = atomic_fetch_or((u64 *)({addr}), {src})",
            BpfOpcodes.AtomicAnd | BpfOpcodes.AtomicFetch => $"{src} = atomic_fetch_and((u64 *)({addr}), {src})",
            BpfOpcodes.AtomicXor | BpfOpcodes.AtomicFetch => $"{src} = atomic_fetch_xor((u64 *)({addr}), {src})",
            BpfOpcodes.AtomicXchg => $"{src} = xchg_64({addr}, {src})",
            BpfOpcodes.AtomicCmpXchg => $"r0 = cmpxchg_64({addr}, r0, {src})",
            _ => "<unknown>",
        };
    }

    private static string Ty(byte opcode) => $"u{BpfOpcodes.SizeBytes(opcode) * 8}";

    private static string Addr(string reg, short off) => off >= 0 ? $"{reg} + {off}" : $"{reg} - {-(int)off}";
}
