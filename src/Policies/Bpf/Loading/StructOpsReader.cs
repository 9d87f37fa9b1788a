using System.Buffers.Binary;
using NumaActors.Policies.Bpf.Btf;
using NumaActors.Policies.Bpf.Elf;
using NumaActors.Policies.Bpf.Layout;

namespace NumaActors.Policies.Bpf.Loading;

/// <summary>
/// Fills <c>bpf_numab_ops</c> registrations from <c>.struct_ops[.link]</c> (README §2.3): scalars
/// from the section bytes, function pointers from the <c>R_BPF_64_ABS64</c> relocation at the
/// member's offset, members matched by name against the simulator's type; an unknown member is an
/// error when non-zero and skipped when zero, a scalar of another size is an error.
/// </summary>
internal static class StructOpsReader
{
    public static List<BpfStructOps> Read(ElfObject elf, BtfTypes btf, SimulatorLayout layout, IEnumerable<BpfFunction> functions, List<string> warnings)
    {
        var result = new List<BpfStructOps>();
        var funcs = functions.ToList();
        foreach (var section in elf.Sections)
        {
            var name = section.Name.TrimStart('?');
            if (name is not (".struct_ops" or ".struct_ops.link"))
                continue;
            var link = name == ".struct_ops.link";
            var relocs = elf.RelocationsFor(section.Index);
            foreach (var sym in elf.Symbols.Where(y => y.SectionIndex == section.Index && y.Type == ElfSymbol.TypeObject).OrderBy(y => y.Value))
            {
                var v = btf.Types.FirstOrDefault(t => t.Kind == BtfKind.Var && t.Name == sym.Name)
                    ?? throw Bad($"struct_ops variable '{sym.Name}' has no BTF");
                var type = btf.SkipModifiers(v.SizeOrType);
                var sim = layout.Struct(type.Name);
                if (type.Kind != BtfKind.Struct || sim is null || type.Name != layout.NumabOps.Name)
                    throw new BpfFormatException("ENOTSUPP", $"struct_ops '{sym.Name}' is of type '{type.Name}'; the simulator knows only struct bpf_numab_ops");
                if (sym.Value + btf.SizeOf(type.Id) > section.Size)
                    throw Bad($"struct_ops '{sym.Name}' runs past the end of '{section.Name}'");
                string? hook = null;
                var scalars = new Dictionary<string, long>();
                foreach (var m in type.Members)
                {
                    if (m.BitfieldSize != 0 || m.BitOffset % 8 != 0)
                        throw Bad($"struct_ops '{sym.Name}': member '{m.Name}' is a bitfield");
                    var at = sym.Value + m.BitOffset / 8;
                    var mt = btf.SkipModifiers(m.Type);
                    var simMember = sim.Member(m.Name);
                    if (mt.Kind == BtfKind.Ptr)
                    {
                        var rel = relocs.FirstOrDefault(r => r.Offset == at && r.Type == ElfRelocation.R_BPF_64_ABS64);
                        var target = rel is null ? null : elf.Symbols[(int)rel.SymbolIndex];
                        if (simMember is null)
                        {
                            if (target is not null)
                                throw Bad($"struct_ops '{sym.Name}': member '{m.Name}' is not in the simulator's bpf_numab_ops");
                            continue;
                        }

                        if (simMember.Type.Kind != SimTypeKind.FuncPtr)
                            throw Bad($"struct_ops '{sym.Name}': member '{m.Name}' is a pointer here but not in the simulator's type");
                        if (target is null)
                            continue;
                        var f = funcs.FirstOrDefault(x => x.Section == target.SectionIndex && x.Start == (int)(target.Value / 8) && x.Name == target.Name)
                            ?? throw Bad($"struct_ops '{sym.Name}': member '{m.Name}' points at '{target.Name}', which is not a program");
                        hook = f.Name;
                        continue;
                    }

                    var size = (int)btf.SizeOf(m.Type);
                    if (size is not (1 or 2 or 4 or 8))
                        throw Bad($"struct_ops '{sym.Name}': member '{m.Name}' of {size} bytes is not a scalar");
                    if (at + (ulong)size > section.Size)
                        throw Bad($"struct_ops '{sym.Name}': member '{m.Name}' lies past the end of '{section.Name}'");
                    var raw = section.Data.Span.Slice((int)at, size);
                    long value = size switch
                    {
                        1 => raw[0],
                        2 => BinaryPrimitives.ReadInt16LittleEndian(raw),
                        4 => BinaryPrimitives.ReadInt32LittleEndian(raw),
                        _ => BinaryPrimitives.ReadInt64LittleEndian(raw),
                    };
                    if (simMember is null)
                    {
                        if (value != 0)
                            throw Bad($"struct_ops '{sym.Name}': member '{m.Name}' = {value} is not in the simulator's bpf_numab_ops");
                        continue;
                    }

                    if (simMember.Type.Size != size)
                        throw Bad($"struct_ops '{sym.Name}': member '{m.Name}' is {size} bytes, the simulator's is {simMember.Type.Size}");
                    scalars[m.Name] = value;
                }

                uint? Ext(string n) => scalars.TryGetValue(n, out var x) && x != 0 ? (uint)x : null;
                var ops = new BpfStructOps(sym.Name, section.Name, link, hook,
                    (uint)scalars.GetValueOrDefault("hot_thresh"), (int)scalars.GetValueOrDefault("cgroup_id"),
                    Ext("scan_size_mb"), Ext("scan_period_min_ms"), Ext("scan_period_max_ms"), Ext("scan_delay_ms"));
                result.Add(ops);
            }
        }

        return result;
    }

    private static BpfFormatException Bad(string m) => new("EINVAL", m);
}
