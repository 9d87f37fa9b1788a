using NumaActors.Policies.Bpf.Isa;
using NumaActors.Policies.Bpf.Vm;

namespace NumaActors.Policies.Bpf.Loading;

/// <summary>
/// The static rules of README §6 on a linked program: size, opcode support set and reserved
/// fields, registers, no write to r10, jump targets inside the function and never into the second
/// slot of an LD_IMM64, no fall-through off the end, helper allowlist, no kfuncs, no division
/// or shift by a bad constant, no unreachable insn. Errors name the insn.
/// </summary>
internal static class BpfChecker
{
    public static void Check(BpfProgram p, int maxInsns, Func<int, bool> helperAllowed)
    {
        var code = p.Insns;
        var where = $"program '{p.Name}'";
        if (code.Count == 0)
            throw Bad($"{where} is empty");
        if (code.Count > maxInsns)
            throw new BpfFormatException("E2BIG", $"{where} has {code.Count} insns, more than the limit of {maxInsns}");
        var second = new bool[code.Count];
        for (var i = 0; i < code.Count; i++)
        {
            if (code[i].IsLdImm64)
            {
                if (i + 1 >= code.Count)
                    throw Bad($"{where} insn {i}: LD_IMM64 has no second slot");
                var n = code[i + 1];
                if (n.Opcode != 0 || n.Dst != 0 || n.Src != 0 || n.Off != 0)
                    throw Bad($"{where} insn {i + 1}: second slot of LD_IMM64 has reserved fields set");
                second[i + 1] = true;
                i++;
            }
        }

        foreach (var f in p.Functions)
        {
            var last = code[f.Start + f.Length - 1];
            if (second[f.Start + f.Length - 1] || !(last.Opcode == BpfOpcodes.Exit || last.Opcode == BpfOpcodes.Ja || (last.Opcode == BpfOpcodes.Call && last.Imm == BpfOpcodes.PoisonHelperId)))
                throw Bad($"{where}: function '{f.Name}' does not end with exit or goto, so control can fall off its end");
        }

        for (var i = 0; i < code.Count; i++)
        {
            if (second[i])
                continue;
            var fn = p.Functions.First(f => i >= f.Start && i < f.Start + f.Length);
            CheckInsn(code, i, fn, second, where, helperAllowed);
        }

        CheckReachable(p, second, where);
    }

    private static void CheckInsn(IReadOnlyList<BpfInsn> code, int i, BpfFunctionSpan fn, bool[] second, string where, Func<int, bool> helperAllowed)
    {
        var x = code[i];
        var at = $"{where} insn {i}";
        if (x.Dst > 10 || x.Src > 10)
            throw Bad($"{at}: register r{Math.Max(x.Dst, x.Src)} does not exist");
        var op = x.Opcode;
        var k = (op & BpfOpcodes.SourceX) == 0;
        switch (x.Class)
        {
            case BpfOpcodes.ClassAlu or BpfOpcodes.ClassAlu64:
                var aop = op & 0xf0;
                if (aop > BpfOpcodes.OpEnd || (aop == BpfOpcodes.OpEnd && x.Class == BpfOpcodes.ClassAlu64))
                    throw Unsupported(at, op);
                if (aop == BpfOpcodes.OpEnd)
                {
                    if (x.Imm is not (16 or 32 or 64) || x.Src != 0 || x.Off != 0)
                        throw Bad($"{at}: byte swap of {x.Imm} bits");
                }
                else if ((k && x.Src != 0) || (!k && x.Imm != 0) || x.Off != 0 || (aop == BpfOpcodes.OpNeg && (!k || x.Imm != 0)))
                {
                    throw Bad($"{at}: reserved fields set (opcode 0x{op:x2})");
                }

                WritesR10(x.Dst, at);
                var width = x.Class == BpfOpcodes.ClassAlu64 ? 64 : 32;
                if (k && aop is BpfOpcodes.OpDiv or BpfOpcodes.OpMod && x.Imm == 0)
                    throw Bad($"{at}: division by constant zero");
                if (k && aop is BpfOpcodes.OpLsh or BpfOpcodes.OpRsh or BpfOpcodes.OpArsh && (uint)x.Imm >= width)
                    throw Bad($"{at}: invalid shift {x.Imm} (register is {width} bits)");
                break;
            case BpfOpcodes.ClassLdx:
                if ((op & 0xe0) != BpfOpcodes.ModeMem)
                    throw Unsupported(at, op);
                if (x.Imm != 0)
                    throw Bad($"{at}: reserved fields set (opcode 0x{op:x2})");
                WritesR10(x.Dst, at);
                break;
            case BpfOpcodes.ClassSt:
                if ((op & 0xe0) != BpfOpcodes.ModeMem || x.Src != 0)
                    throw Unsupported(at, op);
                break;
            case BpfOpcodes.ClassStx when (op & 0xe0) == BpfOpcodes.ModeMem:
                if (x.Imm != 0)
                    throw Bad($"{at}: reserved fields set (opcode 0x{op:x2})");
                break;
            case BpfOpcodes.ClassStx when (op & 0xe0) == BpfOpcodes.ModeAtomic:
                var size = BpfOpcodes.SizeBytes(op);
                if (size < 4 || x.Imm is not (BpfOpcodes.AtomicAdd or BpfOpcodes.AtomicOr or BpfOpcodes.AtomicAnd or BpfOpcodes.AtomicXor
                    or 0x01 or 0x41 or 0x51 or 0xa1 or BpfOpcodes.AtomicXchg or BpfOpcodes.AtomicCmpXchg))
                    throw Bad($"{at}: unsupported atomic operation 0x{x.Imm:x2} of {size} bytes");
                if ((x.Imm & BpfOpcodes.AtomicFetch) != 0)
                    WritesR10(x.Src, at);
                break;
            case BpfOpcodes.ClassLd:
                if (op != BpfOpcodes.LdImm64)
                    throw Unsupported(at, op);
                if (x.Src != 0 || x.Off != 0)
                    throw Bad($"{at}: LD_IMM64 pseudo form {x.Src} is not allowed in an object file");
                WritesR10(x.Dst, at);
                break;
            case BpfOpcodes.ClassJmp or BpfOpcodes.ClassJmp32:
                CheckJump(code, i, fn, second, at, helperAllowed);
                break;
            default:
                throw Unsupported(at, op);
        }
    }

    private static void CheckJump(IReadOnlyList<BpfInsn> code, int i, BpfFunctionSpan fn, bool[] second, string at, Func<int, bool> helperAllowed)
    {
        var x = code[i];
        var jop = x.Opcode & 0xf0;
        var is64 = x.Class == BpfOpcodes.ClassJmp;
        if (jop == BpfOpcodes.JmpExit && is64)
            return;
        if (jop == BpfOpcodes.JmpCall && is64)
        {
            if (x.Src == BpfOpcodes.PseudoCall)
                return;
            if (x.Src == BpfOpcodes.PseudoKfuncCall)
                throw new BpfFormatException("ENOTSUPP", $"{at}: kfunc calls are not supported");
            if (x.Src != 0 || x.Dst != 0 || x.Off != 0)
                throw Bad($"{at}: reserved fields set in call");
            if (x.Imm != BpfOpcodes.PoisonHelperId && !helperAllowed(x.Imm))
                throw Bad($"{at}: unknown helper {x.Imm} (invalid func unknown#{x.Imm}; the simulator offers 1 2 3 5 6 7 8 14 42 80 125 177)");
            return;
        }

        if (jop > BpfOpcodes.JmpJsle || jop is BpfOpcodes.JmpCall or BpfOpcodes.JmpExit || (jop == BpfOpcodes.JmpJa && !is64))
            throw Unsupported(at, x.Opcode);
        var target = i + 1 + x.Off;
        if (target < fn.Start || target >= fn.Start + fn.Length)
            throw Bad($"{at}: jump to insn {target} leaves function '{fn.Name}'");
        if (second[target])
            throw Bad($"{at}: jump to insn {target}, the middle of a 64-bit load (LD_IMM64)");
    }

    private static void CheckReachable(BpfProgram p, bool[] second, string where)
    {
        var code = p.Insns;
        var seen = new bool[code.Count];
        var work = new Stack<int>();
        work.Push(0);
        while (work.Count > 0)
        {
            var i = work.Pop();
            if (i < 0 || i >= code.Count || seen[i])
                continue;
            seen[i] = true;
            var x = code[i];
            if (x.IsLdImm64)
            {
                seen[i + 1] = true;
                work.Push(i + 2);
                continue;
            }

            if (x.Class is not (BpfOpcodes.ClassJmp or BpfOpcodes.ClassJmp32))
            {
                work.Push(i + 1);
                continue;
            }

            var jop = x.Opcode & 0xf0;
            var is64 = x.Class == BpfOpcodes.ClassJmp;
            if (is64 && jop == BpfOpcodes.JmpExit)
                continue;
            if (is64 && jop == BpfOpcodes.JmpCall)
            {
                if (x.Src == BpfOpcodes.PseudoCall)
                    work.Push(i + 1 + x.Imm);
                work.Push(i + 1);
                continue;
            }

            work.Push(i + 1 + x.Off);
            if (!(is64 && jop == BpfOpcodes.JmpJa))
                work.Push(i + 1);
        }

        for (var i = 0; i < code.Count; i++)
        {
            if (!seen[i] && !second[i])
                throw Bad($"{where} insn {i} is unreachable (the kernel verifier rejects unreachable insns)");
        }
    }

    private static void WritesR10(int reg, string at)
    {
        if (reg == 10)
            throw Bad($"{at}: write to r10, the read-only frame pointer");
    }

    private static BpfFormatException Unsupported(string at, int op) => new("EINVAL", $"{at}: unsupported opcode 0x{op:x2}");

    private static BpfFormatException Bad(string m) => new("EINVAL", m);
}
