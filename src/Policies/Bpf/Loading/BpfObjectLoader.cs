using NumaActors.Policies.Bpf.Btf;
using NumaActors.Policies.Bpf.Core;
using NumaActors.Policies.Bpf.Elf;
using NumaActors.Policies.Bpf.Isa;
using NumaActors.Policies.Bpf.Layout;
using NumaActors.Policies.Bpf.Vm;

namespace NumaActors.Policies.Bpf.Loading;

/// <summary>
/// The loader pipeline of README §5: ELF, BTF/BTF.ext, data sections and maps, CO-RE against the
/// simulator's layout, relocations, linking, struct_ops, and the static checker. Bad input gives
/// a specific <see cref="BpfLoadError"/>, never an exception.
/// </summary>
public static class BpfObjectLoader
{
    public static BpfLoadResult LoadFile(string path, BpfLoadOptions? options = null)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return BpfLoadResult.Fail(new BpfLoadError("ENOENT", $"cannot read BPF object '{path}': {e.Message}"));
        }

        return Load(bytes, options);
    }

    public static BpfLoadResult Load(byte[] bytes, BpfLoadOptions? options = null, SimulatorLayout? layout = null)
    {
        try
        {
            return new BpfLoadResult(LoadCore(bytes, options ?? BpfLoadOptions.Default, layout ?? SimulatorLayout.Default), []);
        }
        catch (BpfFormatException e)
        {
            return BpfLoadResult.Fail(e.ToError());
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or OverflowException or InvalidCastException
            or KeyNotFoundException or InvalidOperationException or NullReferenceException)
        {
            // Safety net: a hostile file that slipped past a specific check is still refused, never a crash.
            return BpfLoadResult.Fail(new BpfLoadError("EINVAL", $"malformed object: {e.GetType().Name} while loading ({e.TargetSite?.Name})"));
        }
    }

    private static BpfObject LoadCore(byte[] bytes, BpfLoadOptions options, SimulatorLayout layout)
    {
        if (options.MaxInstructions is < 1 or > BpfLoadOptions.MaxAllowedInstructions)
            throw new BpfFormatException("EINVAL", $"instruction limit {options.MaxInstructions} outside 1..{BpfLoadOptions.MaxAllowedInstructions}");
        var elf = ElfReader.Read(bytes);
        var warnings = new List<string>();
        var btfSection = elf.Section(".BTF");
        var btf = btfSection is null ? null : BtfTypes.Parse(btfSection.Data.Span);
        var extSection = elf.Section(".BTF.ext");
        var ext = extSection is not null && btf is not null ? BtfExt.Parse(extSection.Data.Span, btf) : BtfExt.Empty;
        var license = ReadLicense(elf);

        var globals = ReadGlobals(elf, options);
        var regionBySection = globals.ToDictionary(g => elf.Section(g.Name)!.Index, g => g);
        var maps = ReadMaps(elf, btf, (uint)globals.Count + 1);

        var coreResults = new List<CoreRelocationResult>();
        var functions = new Dictionary<(int Section, int Insn), BpfFunction>();
        foreach (var section in elf.Sections.Where(s => s.IsExecutable && s.Type == ElfSection.TypeProgBits && s.Size > 0))
        {
            if (section.Size % BpfInsn.Size != 0)
                throw new BpfFormatException("EINVAL", $"code section '{section.Name}' size {section.Size} is not a multiple of 8");
            var insns = BpfInsn.DecodeAll(section.Data.Span);
            if (btf is not null)
            {
                var relocator = new CoreRelocator(btf, layout);
                foreach (var relo in ext.CoreRelos.Where(r => r.Section == section.Name))
                    coreResults.Add(relocator.Apply(relo, insns));
            }

            var calls = ApplyRelocations(elf, section, insns, regionBySection, maps);
            foreach (var f in SplitFunctions(elf, section, insns))
            {
                foreach (var (idx, target) in calls.Where(c => c.Key >= f.Start && c.Key < f.Start + f.Insns.Length))
                    f.Calls[idx - f.Start] = target;
                for (var i = 0; i < f.Insns.Length; i++)
                {
                    var x = f.Insns[i];
                    if (x.Opcode == BpfOpcodes.Call && x.Src == BpfOpcodes.PseudoCall && !f.Calls.ContainsKey(i))
                        f.Calls[i] = (section.Index, f.Start + i + 1 + x.Imm);
                }

                functions[(section.Index, f.Start)] = f;
            }
        }

        foreach (var f in functions.Values)
        {
            foreach (var (idx, target) in f.Calls)
            {
                if (!functions.ContainsKey(target))
                    throw new BpfFormatException("EINVAL", $"'{f.Name}' insn {idx}: call target insn {target.Insn} of section '{elf.Sections[target.Section].Name}' is not the start of a function");
            }
        }

        var programs = new List<BpfProgram>();
        foreach (var entry in functions.Values.Where(f => f.SectionName != ".text" && f.Global).OrderBy(f => f.Section).ThenBy(f => f.Start))
        {
            var program = BpfLinker.Link(entry, functions);
            BpfChecker.Check(program, options.MaxInstructions, BpfHelperIds.IsKnown);
            programs.Add(program);
        }

        var structOps = btf is null ? [] : StructOpsReader.Read(elf, btf, layout, functions.Values, warnings);
        foreach (var c in coreResults.Where(c => c.Poisoned))
            warnings.Add($"CO-RE: the simulator's layout has no {c.Field}; {c.Relo.Section} insn {c.Relo.InsnOffset / 8} faults if executed");
        return new BpfObject(elf, license, programs, maps, globals, structOps, coreResults, warnings);
    }

    private static string ReadLicense(ElfObject elf)
    {
        var s = elf.Section("license");
        if (s is null)
            return "";
        var span = s.Data.Span;
        var end = span.IndexOf((byte)0);
        return System.Text.Encoding.ASCII.GetString(end < 0 ? span : span[..end]);
    }

    private static bool IsGlobalSection(ElfSection s) =>
        !s.IsExecutable && (s.Flags & ElfSection.FlagAlloc) != 0 && (s.Type is ElfSection.TypeProgBits or ElfSection.TypeNoBits)
        && (Matches(s.Name, ".rodata") || Matches(s.Name, ".data") || Matches(s.Name, ".bss"));

    private static bool Matches(string name, string prefix) => name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal);

    private static List<BpfGlobalSection> ReadGlobals(ElfObject elf, BpfLoadOptions options)
    {
        var list = new List<BpfGlobalSection>();
        var pending = new Dictionary<string, ulong>(options.Rodata);
        foreach (var s in elf.Sections.Where(IsGlobalSection))
        {
            if (s.Size > 1 << 24)
                throw new BpfFormatException("E2BIG", $"data section '{s.Name}' is {s.Size} bytes");
            var image = s.Type == ElfSection.TypeNoBits ? new byte[s.Size] : s.Data.ToArray();
            var vars = elf.Symbols
                .Where(y => y.SectionIndex == s.Index && y.Type == ElfSymbol.TypeObject)
                .Select(y => new BpfGlobalVariable(y.Name, (int)y.Value, (int)y.Size))
                .ToList();
            var readOnly = Matches(s.Name, ".rodata");
            if (vars.Any(v => v.Offset < 0 || (ulong)v.Offset + (ulong)v.Size > s.Size))
                throw new BpfFormatException("EINVAL", $"a variable of '{s.Name}' lies outside the section");
            if (readOnly)
            {
                foreach (var v in vars.Where(v => pending.ContainsKey(v.Name)))
                {
                    if (v.Size is not (1 or 2 or 4 or 8))
                        throw new BpfFormatException("EINVAL", $".rodata variable '{v.Name}' of {v.Size} bytes cannot be set from a number");
                    var tmp = BitConverter.GetBytes(pending[v.Name]);
                    tmp.AsSpan(0, v.Size).CopyTo(image.AsSpan(v.Offset));
                    pending.Remove(v.Name);
                }
            }

            list.Add(new BpfGlobalSection(s.Name, image, !readOnly, (uint)list.Count + 1, vars));
        }

        if (pending.Count > 0)
            throw new BpfFormatException("ENOENT", $"no .rodata variable named '{pending.Keys.Order(StringComparer.Ordinal).First()}' to set");
        return list;
    }

    private static List<BpfMapSlot> ReadMaps(ElfObject elf, BtfTypes? btf, uint firstRegion)
    {
        var maps = new List<BpfMapSlot>();
        var section = elf.Section(".maps");
        if (section is null)
            return maps;
        if (btf is null)
            throw new BpfFormatException("EINVAL", "the object has a .maps section but no .BTF to define its maps");
        foreach (var sym in elf.Symbols.Where(y => y.SectionIndex == section.Index && y.Type == ElfSymbol.TypeObject).OrderBy(y => y.Value))
        {
            var v = btf.Types.FirstOrDefault(t => t.Kind == BtfKind.Var && t.Name == sym.Name)
                ?? throw new BpfFormatException("EINVAL", $"map '{sym.Name}' has no BTF definition");
            var def = btf.SkipModifiers(v.SizeOrType);
            if (def.Kind != BtfKind.Struct)
                throw new BpfFormatException("EINVAL", $"map '{sym.Name}': BTF definition is not a struct");
            uint type = 0, maxEntries = 0, keySize = 0, valueSize = 0, flags = 0;
            foreach (var m in def.Members)
            {
                var mt = btf.SkipModifiers(m.Type);
                uint Uint() => mt.Kind == BtfKind.Ptr && btf.SkipModifiers(mt.SizeOrType) is { Kind: BtfKind.Array } a
                    ? a.ArrayNelems
                    : throw new BpfFormatException("EINVAL", $"map '{sym.Name}': member '{m.Name}' is not a __uint()");
                uint Pointee() => mt.Kind == BtfKind.Ptr
                    ? (uint)btf.SizeOf(mt.SizeOrType)
                    : throw new BpfFormatException("EINVAL", $"map '{sym.Name}': member '{m.Name}' is not a __type()");
                switch (m.Name)
                {
                    case "type": type = Uint(); break;
                    case "max_entries": maxEntries = Uint(); break;
                    case "map_flags": flags = Uint(); break;
                    case "key_size": keySize = Uint(); break;
                    case "value_size": valueSize = Uint(); break;
                    case "key": keySize = Pointee(); break;
                    case "value": valueSize = Pointee(); break;
                    case "pinning": break;
                    default: throw new BpfFormatException("EINVAL", $"map '{sym.Name}': unknown member '{m.Name}'");
                }
            }

            var d = new BpfMapDefinition(sym.Name, type, keySize, valueSize, maxEntries, flags);
            if (type is not (BpfMapDefinition.TypeHash or BpfMapDefinition.TypeArray or BpfMapDefinition.TypePercpuHash
                or BpfMapDefinition.TypePercpuArray or BpfMapDefinition.TypeLruHash))
                throw new BpfFormatException("EINVAL", $"map '{sym.Name}': map type {type} is not supported (hash, array, percpu, lru_hash)");
            if (keySize == 0 || valueSize == 0 || maxEntries == 0 || valueSize > 1 << 16 || keySize > 512 || maxEntries > 1 << 20)
                throw new BpfFormatException("EINVAL", $"map '{sym.Name}': key {keySize} bytes, value {valueSize} bytes, {maxEntries} entries is not a valid map");
            if (d.IsArrayLike && keySize != 4)
                throw new BpfFormatException("EINVAL", $"map '{sym.Name}': an array map needs a 4-byte key, not {keySize}");
            maps.Add(new BpfMapSlot(d, firstRegion + (uint)maps.Count));
        }

        return maps;
    }

    private static Dictionary<int, (int Section, int Insn)> ApplyRelocations(
        ElfObject elf, ElfSection section, BpfInsn[] insns, Dictionary<int, BpfGlobalSection> globals, List<BpfMapSlot> maps)
    {
        var calls = new Dictionary<int, (int, int)>();
        var mapsSection = elf.Section(".maps");
        foreach (var rel in elf.RelocationsFor(section.Index))
        {
            if (rel.Type is ElfRelocation.R_BPF_NONE or ElfRelocation.R_BPF_64_NODYLD32)
                continue;
            var idx = (int)(rel.Offset / 8);
            var at = $"'{section.Name}' insn {idx}";
            if (rel.Offset % 8 != 0 || idx >= insns.Length)
                throw new BpfFormatException("EINVAL", $"relocation at offset {rel.Offset} of {at} is not on an insn");
            var sym = elf.Symbols[(int)rel.SymbolIndex];
            if (sym.SectionIndex == 0)
                throw new BpfFormatException("ENOTSUPP", $"{at}: extern symbol '{sym.Name}' (kfunc or ksym) is not supported");
            var x = insns[idx];
            switch (rel.Type)
            {
                case ElfRelocation.R_BPF_64_64:
                    if (!x.IsLdImm64 || idx + 1 >= insns.Length)
                        throw new BpfFormatException("EINVAL", $"{at}: R_BPF_64_64 on an insn that is not a 64-bit load");
                    ulong value;
                    if (mapsSection is not null && sym.SectionIndex == mapsSection.Index)
                    {
                        var map = maps.FirstOrDefault(m => m.Definition.Name == sym.Name)
                            ?? throw new BpfFormatException("EINVAL", $"{at}: map symbol '{sym.Name}' has no definition");
                        value = BpfMemory.Pointer(map.HandleRegionId, 0);
                    }
                    else if (globals.TryGetValue(sym.SectionIndex, out var g))
                    {
                        var off = sym.Value + (uint)x.Imm;
                        if (off > (ulong)g.Image.Length)
                            throw new BpfFormatException("EINVAL", $"{at}: address {off} of '{sym.Name}' outside '{g.Name}'");
                        value = BpfMemory.Pointer(g.RegionId, (uint)off);
                    }
                    else
                    {
                        throw new BpfFormatException("EINVAL", $"{at}: 64-bit load of '{sym.Name}' in section '{elf.Sections[sym.SectionIndex].Name}', which is neither a map nor global data");
                    }

                    insns[idx] = x with { Imm = (int)(uint)value };
                    insns[idx + 1] = insns[idx + 1] with { Imm = (int)(uint)(value >> 32) };
                    break;
                case ElfRelocation.R_BPF_64_32:
                    if (x.Opcode != BpfOpcodes.Call || x.Src != BpfOpcodes.PseudoCall)
                        throw new BpfFormatException("EINVAL", $"{at}: R_BPF_64_32 on an insn that is not a bpf-to-bpf call");
                    if (sym.SectionIndex >= elf.Sections.Count || !elf.Sections[sym.SectionIndex].IsExecutable)
                        throw new BpfFormatException("EINVAL", $"{at}: call to '{sym.Name}', which is not code");
                    // libbpf's formula: target = st_value/8 + imm + 1 within the symbol's section (README §2.2).
                    calls[idx] = (sym.SectionIndex, (int)(sym.Value / 8) + x.Imm + 1);
                    break;
                default:
                    throw new BpfFormatException("EINVAL", $"{at}: unsupported relocation type {ElfRelocation.TypeName(rel.Type)}");
            }
        }

        return calls;
    }

    private static List<BpfFunction> SplitFunctions(ElfObject elf, ElfSection section, BpfInsn[] insns)
    {
        var syms = elf.Symbols
            .Where(y => y.SectionIndex == section.Index && y.Type == ElfSymbol.TypeFunc)
            .OrderBy(y => y.Value)
            .ToList();
        if (syms.Count == 0)
            throw new BpfFormatException("EINVAL", $"code section '{section.Name}' has no function symbol");
        var list = new List<BpfFunction>();
        for (var i = 0; i < syms.Count; i++)
        {
            var y = syms[i];
            if (y.Value % 8 != 0 || y.Value >= section.Size)
                throw new BpfFormatException("EINVAL", $"function '{y.Name}' starts at {y.Value}, outside '{section.Name}' or not on an insn");
            var start = (int)(y.Value / 8);
            var end = y.Size > 0 ? start + (int)Math.Min(y.Size / 8, (ulong)insns.Length) : (i + 1 < syms.Count ? (int)(syms[i + 1].Value / 8) : insns.Length);
            if (end > insns.Length || end <= start || (i + 1 < syms.Count && end > (int)(syms[i + 1].Value / 8)))
                throw new BpfFormatException("EINVAL", $"function '{y.Name}' overlaps the next function or runs past '{section.Name}'");
            list.Add(new BpfFunction(y.Name, section.Index, section.Name, start, insns[start..end], y.Bind == ElfSymbol.BindGlobal));
        }

        return list;
    }
}
