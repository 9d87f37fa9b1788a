using NumaActors.Policies.Bpf.Btf;
using NumaActors.Policies.Bpf.Isa;
using NumaActors.Policies.Bpf.Layout;

namespace NumaActors.Policies.Bpf.Core;

/// <summary>
/// libbpf's CO-RE field algorithm (README §4) against <see cref="SimulatorLayout"/>: walk the
/// access string over the object's BTF recording member names, walk the same names over the
/// simulator's types, compute the target value of the relocation kind and patch the insn, or
/// poison it (<c>call 0xbad2310</c>) when the simulator lacks the field.
/// </summary>
internal sealed class CoreRelocator(BtfTypes btf, SimulatorLayout layout)
{
    private sealed record Step(string? Member, int Index);

    public CoreRelocationResult Apply(BtfCoreRelo relo, BpfInsn[] insns)
    {
        var idx = (int)(relo.InsnOffset / 8);
        if (relo.InsnOffset % 8 != 0 || idx >= insns.Length)
            throw Bad($"CO-RE record for insn offset {relo.InsnOffset} lies outside section '{relo.Section}'");
        var root = btf.SkipModifiers(relo.TypeId);
        var access = ParseAccess(relo.Access);
        var bitfield = false;
        (long Local, long Target, bool Adjustable) sizes = default;
        var (field, local, target) = relo.Kind switch
        {
            BtfCoreReloKind.EnumValue or BtfCoreReloKind.EnumValueExists => EnumRelo(relo, root, access),
            >= BtfCoreReloKind.TypeIdLocal and <= BtfCoreReloKind.TypeSize or BtfCoreReloKind.TypeMatches => TypeRelo(relo, root),
            _ => FieldRelo(relo, root, access, out bitfield, out sizes),
        };
        if (target is null)
        {
            Poison(insns, idx);
            return new CoreRelocationResult(relo, field, local, null, true);
        }

        if (!Patch(insns, idx, local, target.Value, relo, field, bitfield, sizes))
        {
            Poison(insns, idx);
            return new CoreRelocationResult(relo, field, local, null, true);
        }

        return new CoreRelocationResult(relo, field, local, target, false);
    }

    private (string Field, long Local, long? Target) FieldRelo(BtfCoreRelo relo, BtfType root, int[] access, out bool bitfield, out (long Local, long Target, bool Adjustable) sizes)
    {
        if (!root.IsComposite)
            throw Bad($"CO-RE record at insn {relo.InsnOffset / 8}: field relocation on non-struct type '{root.Name}'");
        var steps = new List<Step>();
        var t = root;
        long bit = access[0] * (long)btf.SizeOf(root.Id) * 8;
        BtfMember? last = null;
        uint fieldType = root.Id;
        for (var i = 1; i < access.Length; i++)
        {
            t = btf.SkipModifiers(fieldType);
            if (t.IsComposite)
            {
                if (access[i] >= t.Members.Count)
                    throw Bad($"CO-RE access '{relo.Access}': member {access[i]} of '{t.Name}' does not exist");
                last = t.Members[access[i]];
                bit += last.BitOffset;
                fieldType = last.Type;
                steps.Add(new Step(last.Name, -1));
            }
            else if (t.Kind == BtfKind.Array)
            {
                bit += access[i] * (long)btf.SizeOf(t.ArrayElem) * 8;
                fieldType = t.ArrayElem;
                last = null;
                steps.Add(new Step(null, access[i]));
            }
            else
            {
                throw Bad($"CO-RE access '{relo.Access}' walks into '{t.Name}', which is neither struct nor array");
            }
        }

        var ft = btf.SkipModifiers(fieldType);
        var localSpec = new CoreFieldSpec(bit, (long)btf.SizeOf(fieldType), (int)(last?.BitfieldSize ?? 0),
            ft.Kind == BtfKind.Int ? ft.IntSigned : ft.Kind is BtfKind.Enum or BtfKind.Enum64 && ft.KindFlag, KindOf(ft));
        bitfield = localSpec.BitfieldSize > 0;
        sizes = (localSpec.ByteSize, localSpec.ByteSize, false);
        var name = root.Name + string.Concat(steps.Select(s => s.Member is null ? $"[{s.Index}]" : $".{s.Member}"));
        var local = Value(relo.Kind, localSpec, exists: true);
        var targetSpec = ResolveTarget(StripFlavour(root.Name), access[0], steps, localSpec.Kind);
        if (targetSpec is null)
            return (name, local ?? 0, relo.Kind == BtfCoreReloKind.FieldExists ? 0 : null);
        // A load may change width only between pointers or between unsigned ints (libbpf's memsz adjust).
        var adjustable = (localSpec.Kind == CoreFieldKind.Ptr && targetSpec.Kind == CoreFieldKind.Ptr)
            || (localSpec.Kind is CoreFieldKind.Int or CoreFieldKind.Enum && targetSpec.Kind is CoreFieldKind.Int or CoreFieldKind.Enum && !localSpec.Signed && !targetSpec.Signed);
        sizes = (localSpec.ByteSize, targetSpec.ByteSize, adjustable);
        return (name, local ?? 0, Value(relo.Kind, targetSpec, exists: true));
    }

    private CoreFieldSpec? ResolveTarget(string rootName, int a0, List<Step> steps, CoreFieldKind localKind)
    {
        var t = layout.Struct(rootName);
        if (t is null || t.Members.Count == 0)
            return null;
        long bit = a0 * (long)t.Size * 8;
        SimMember? last = null;
        var cur = t;
        foreach (var s in steps)
        {
            if (s.Member is not null)
            {
                if (cur.Kind != SimTypeKind.Struct)
                    return null;
                last = cur.Member(s.Member);
                if (last is null)
                    return null;
                bit += last.BitOffset;
                cur = last.Type;
            }
            else
            {
                if (cur.Kind != SimTypeKind.Array || s.Index >= cur.Nelems)
                    return null;
                bit += s.Index * (long)cur.Target!.Size * 8;
                cur = cur.Target;
                last = null;
            }
        }

        var kind = cur.Kind switch
        {
            SimTypeKind.Int => CoreFieldKind.Int,
            SimTypeKind.Enum => CoreFieldKind.Enum,
            SimTypeKind.Ptr or SimTypeKind.FuncPtr => CoreFieldKind.Ptr,
            SimTypeKind.Array => CoreFieldKind.Array,
            SimTypeKind.Struct => CoreFieldKind.Composite,
            _ => CoreFieldKind.Other,
        };
        var compatible = kind == localKind || (kind is CoreFieldKind.Int or CoreFieldKind.Enum && localKind is CoreFieldKind.Int or CoreFieldKind.Enum);
        if (!compatible)
            return null;
        return new CoreFieldSpec(bit, cur.Size, last?.BitfieldSize ?? 0, cur.Signed, kind);
    }

    /// <summary>The value of a field relocation kind (libbpf bpf_core_calc_field_relo); null = cannot compute.</summary>
    private static long? Value(BtfCoreReloKind kind, CoreFieldSpec f, bool exists)
    {
        long byteOff, byteSize;
        long bitSize;
        if (f.BitfieldSize == 0)
        {
            byteOff = f.BitOffset / 8;
            byteSize = f.ByteSize;
            bitSize = byteSize * 8;
        }
        else
        {
            bitSize = f.BitfieldSize;
            byteSize = f.ByteSize;
            byteOff = f.BitOffset / 8 / byteSize * byteSize;
            while (f.BitOffset + bitSize - byteOff * 8 > byteSize * 8)
            {
                if (byteSize >= 8)
                    return null;
                byteSize *= 2;
                byteOff = f.BitOffset / 8 / byteSize * byteSize;
            }
        }

        return kind switch
        {
            BtfCoreReloKind.FieldByteOffset => byteOff,
            BtfCoreReloKind.FieldByteSize => byteSize,
            BtfCoreReloKind.FieldExists => exists ? 1 : 0,
            BtfCoreReloKind.FieldSigned => f.Signed ? 1 : 0,
            BtfCoreReloKind.FieldLShiftU64 => 64 - (f.BitOffset + bitSize - byteOff * 8),
            BtfCoreReloKind.FieldRShiftU64 => 64 - bitSize,
            _ => null,
        };
    }

    private (string Field, long Local, long? Target) EnumRelo(BtfCoreRelo relo, BtfType root, int[] access)
    {
        if (root.Kind is not (BtfKind.Enum or BtfKind.Enum64) || access.Length != 1 || access[0] >= root.Enumerators.Count)
            throw Bad($"CO-RE enum record at insn {relo.InsnOffset / 8}: bad access '{relo.Access}' on '{root.Name}'");
        var e = root.Enumerators[access[0]];
        var target = layout.Enum(StripFlavour(root.Name))?.Enumerators.FirstOrDefault(x => x.Name == e.Name);
        var found = target is { Name: not null };
        var name = $"{root.Name}::{e.Name}";
        return relo.Kind == BtfCoreReloKind.EnumValueExists
            ? (name, 1, found ? 1 : 0)
            : (name, e.Value, found ? target!.Value.Value : null);
    }

    private (string Field, long Local, long? Target) TypeRelo(BtfCoreRelo relo, BtfType root)
    {
        var sim = root.IsComposite ? layout.Struct(StripFlavour(root.Name)) : layout.Enum(StripFlavour(root.Name));
        var name = $"type {root.Name}";
        return relo.Kind switch
        {
            BtfCoreReloKind.TypeExists or BtfCoreReloKind.TypeMatches => (name, 1, sim is null ? 0 : 1),
            BtfCoreReloKind.TypeSize => (name, (long)btf.SizeOf(root.Id), sim is null ? null : sim.Size),
            BtfCoreReloKind.TypeIdLocal => (name, relo.TypeId, relo.TypeId),
            _ => (name, relo.TypeId, sim is null ? null : 1 + layout.Structs.ToList().IndexOf(sim)),
        };
    }

    /// <summary>Patches the insn; false = the insn cannot express the target (poison it).</summary>
    private static bool Patch(BpfInsn[] insns, int idx, long local, long target, BtfCoreRelo relo, string field, bool bitfield,
        (long Local, long Target, bool Adjustable) sizes)
    {
        var x = insns[idx];
        // clang bakes the container it chose into bitfield insns, libbpf may pick a smaller one:
        // check the local value except there, but still for SIGNED and RSHIFT (README §4 step 5).
        var checkLocal = !bitfield || relo.Kind is BtfCoreReloKind.FieldSigned or BtfCoreReloKind.FieldRShiftU64;
        switch (x.Class)
        {
            case BpfOpcodes.ClassAlu or BpfOpcodes.ClassAlu64 when (x.Opcode & BpfOpcodes.SourceX) == 0:
                if (checkLocal && x.Imm != local)
                    throw Bad($"CO-RE {field}: insn {idx} holds {x.Imm}, expected the local value {local}");
                insns[idx] = x with { Imm = (int)target };
                break;
            case BpfOpcodes.ClassLdx or BpfOpcodes.ClassSt or BpfOpcodes.ClassStx:
                if (relo.Kind != BtfCoreReloKind.FieldByteOffset)
                    throw Bad($"CO-RE {field}: {relo.Kind} on a memory insn {idx}");
                if (checkLocal && x.Off != local)
                    throw Bad($"CO-RE {field}: insn {idx} has offset {x.Off}, expected the local value {local}");
                if (target is < short.MinValue or > short.MaxValue)
                    throw Bad($"CO-RE {field}: offset {target} does not fit the insn");
                insns[idx] = x with { Off = (short)target };
                if (!bitfield && sizes.Local != sizes.Target && x.Class != BpfOpcodes.ClassSt)
                {
                    if (BpfOpcodes.SizeBytes(x.Opcode) != sizes.Local || !sizes.Adjustable || sizes.Target is not (1 or 2 or 4 or 8))
                        return false;
                    var sizeBits = sizes.Target switch { 1 => BpfOpcodes.SizeB, 2 => BpfOpcodes.SizeH, 4 => BpfOpcodes.SizeW, _ => BpfOpcodes.SizeDw };
                    insns[idx] = insns[idx] with { Opcode = (byte)((x.Opcode & ~0x18) | sizeBits) };
                }

                break;
            case BpfOpcodes.ClassLd when x.IsLdImm64 && idx + 1 < insns.Length:
                var v = (ulong)(uint)x.Imm | ((ulong)(uint)insns[idx + 1].Imm << 32);
                if ((long)v != local)
                    throw Bad($"CO-RE {field}: insn {idx} holds {(long)v}, expected the local value {local}");
                insns[idx] = x with { Imm = (int)(uint)(ulong)target };
                insns[idx + 1] = insns[idx + 1] with { Imm = (int)(uint)((ulong)target >> 32) };
                break;
            default:
                throw Bad($"CO-RE {field}: insn {idx} (opcode 0x{x.Opcode:x2}) cannot be relocated");
        }

        return true;
    }

    private static void Poison(BpfInsn[] insns, int idx)
    {
        var poison = new BpfInsn(BpfOpcodes.Call, 0, 0, 0, BpfOpcodes.PoisonHelperId);
        if (insns[idx].IsLdImm64 && idx + 1 < insns.Length)
            insns[idx + 1] = poison;
        insns[idx] = poison;
    }

    private static CoreFieldKind KindOf(BtfType t) => t.Kind switch
    {
        BtfKind.Int => CoreFieldKind.Int,
        BtfKind.Enum or BtfKind.Enum64 => CoreFieldKind.Enum,
        BtfKind.Ptr => CoreFieldKind.Ptr,
        BtfKind.Array => CoreFieldKind.Array,
        BtfKind.Struct or BtfKind.Union => CoreFieldKind.Composite,
        _ => CoreFieldKind.Other,
    };

    private static string StripFlavour(string name)
    {
        var i = name.IndexOf("___", StringComparison.Ordinal);
        return i > 0 ? name[..i] : name;
    }

    private static int[] ParseAccess(string access)
    {
        var parts = access.Split(':');
        var result = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], out result[i]) || result[i] < 0)
                throw Bad($"CO-RE access string '{access}' is malformed");
        }

        return result;
    }

    private static BpfFormatException Bad(string m) => new("EINVAL", m);
}
