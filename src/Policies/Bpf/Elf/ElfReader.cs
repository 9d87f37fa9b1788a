using System.Buffers.Binary;

namespace NumaActors.Policies.Bpf.Elf;

/// <summary>
/// The subset of ELF64 a BPF object needs (README §5 step 1): header checks, section headers,
/// the symbol table and REL sections, every offset bound-checked so that a hostile file gives a
/// specific error instead of a crash.
/// </summary>
internal static class ElfReader
{
    private const ushort EtRel = 1;
    private const ushort EmNone = 0;
    private const ushort EmBpf = 247;
    private const int HeaderSize = 64;
    private const int SectionHeaderSize = 64;
    private const int SymbolSize = 24;
    private const int RelSize = 16;
    private const int MaxSections = 4096;

    public static ElfObject Read(byte[] b)
    {
        if (b.Length < HeaderSize)
            throw Bad($"truncated ELF: {b.Length} bytes, the ELF64 header alone needs {HeaderSize}");
        if (b[0] != 0x7f || b[1] != (byte)'E' || b[2] != (byte)'L' || b[3] != (byte)'F')
            throw Bad("not an ELF file (bad magic)");
        if (b[4] != 2)
            throw Bad("not ELFCLASS64");
        if (b[5] != 1)
            throw Bad("not little-endian (ELFDATA2LSB)");
        var type = U16(b, 16);
        var machine = U16(b, 18);
        if (type != EtRel)
            throw Bad($"ELF type {type} is not ET_REL (a relocatable object from clang -c)");
        if (machine != EmBpf && machine != EmNone)
            throw Bad($"ELF machine {machine} is not EM_BPF (247)");
        var shoff = U64(b, 40);
        var shentsize = U16(b, 58);
        var shnum = U16(b, 60);
        var shstrndx = U16(b, 62);
        if (shnum == 0 || shnum > MaxSections)
            throw Bad($"section count {shnum} out of range");
        if (shentsize != SectionHeaderSize)
            throw Bad($"section header size {shentsize}, expected {SectionHeaderSize}");
        CheckRange(b, shoff, (ulong)shnum * SectionHeaderSize, "section header table");

        var raw = new (uint Name, uint Type, ulong Flags, ulong Offset, ulong Size, uint Link, uint Info, ulong EntSize)[shnum];
        for (var i = 0; i < shnum; i++)
        {
            var o = (int)shoff + i * SectionHeaderSize;
            raw[i] = (U32(b, o), U32(b, o + 4), U64(b, o + 8), U64(b, o + 24), U64(b, o + 32), U32(b, o + 40), U32(b, o + 44), U64(b, o + 56));
            if (raw[i].Type != ElfSection.TypeNoBits && i != 0)
                CheckRange(b, raw[i].Offset, raw[i].Size, $"section {i}");
        }

        if (shstrndx >= shnum)
            throw Bad($"section name table index {shstrndx} out of range");
        var shstr = raw[shstrndx];
        var sections = new ElfSection[shnum];
        for (var i = 0; i < shnum; i++)
        {
            var r = raw[i];
            var name = i == 0 ? "" : CString(b, shstr.Offset, shstr.Size, r.Name, $"name of section {i}");
            var data = r.Type == ElfSection.TypeNoBits || i == 0 ? ReadOnlyMemory<byte>.Empty : new ReadOnlyMemory<byte>(b, (int)r.Offset, (int)r.Size);
            sections[i] = new ElfSection(i, name, r.Type, r.Flags, r.Offset, r.Size, r.Link, r.Info, r.EntSize, data);
        }

        var symbols = ReadSymbols(b, sections);
        var relocations = new Dictionary<int, IReadOnlyList<ElfRelocation>>();
        foreach (var s in sections)
        {
            if (s.Type != ElfSection.TypeRel)
                continue;
            if (s.Size % RelSize != 0)
                throw Bad($"REL section '{s.Name}' size {s.Size} is not a multiple of {RelSize}");
            if (s.Info >= shnum)
                throw Bad($"REL section '{s.Name}' patches section {s.Info}, which does not exist");
            var target = sections[s.Info];
            var list = new List<ElfRelocation>();
            for (var o = 0; o < (int)s.Size; o += RelSize)
            {
                var off = U64(b, (int)s.Offset + o);
                var info = U64(b, (int)s.Offset + o + 8);
                var rel = new ElfRelocation(off, (uint)(info >> 32), (uint)info);
                if (rel.SymbolIndex >= symbols.Count)
                    throw Bad($"relocation in '{s.Name}' names symbol {rel.SymbolIndex}; the symbol table has {symbols.Count}");
                if (target.Type != ElfSection.TypeNoBits && off >= target.Size)
                    throw Bad($"relocation in '{s.Name}' at offset {off} lies outside section '{target.Name}' ({target.Size} bytes)");
                list.Add(rel);
            }

            relocations[(int)s.Info] = list;
        }

        return new ElfObject(sections, symbols, relocations);
    }

    private static List<ElfSymbol> ReadSymbols(byte[] b, ElfSection[] sections)
    {
        var symtab = sections.FirstOrDefault(s => s.Type == ElfSection.TypeSymTab);
        var list = new List<ElfSymbol>();
        if (symtab is null)
            return list;
        if (symtab.Link >= sections.Length)
            throw Bad($"symbol table's string table index {symtab.Link} out of range");
        var strtab = sections[symtab.Link];
        if (symtab.Size % SymbolSize != 0)
            throw Bad($"symbol table size {symtab.Size} is not a multiple of {SymbolSize}");
        for (var o = 0; o < (int)symtab.Size; o += SymbolSize)
        {
            var p = (int)symtab.Offset + o;
            var nameOff = U32(b, p);
            var info = b[p + 4];
            var shndx = U16(b, p + 6);
            var value = U64(b, p + 8);
            var size = U64(b, p + 16);
            var type = (byte)(info & 0xf);
            string name;
            if (type == ElfSymbol.TypeSection && nameOff == 0)
                name = shndx < sections.Length ? sections[shndx].Name : "";
            else
                name = CString(b, strtab.Offset, strtab.Size, nameOff, $"name of symbol {o / SymbolSize}");
            if (shndx != 0 && shndx < 0xff00 && shndx >= sections.Length)
                throw Bad($"symbol '{name}' lies in section {shndx}, which does not exist");
            list.Add(new ElfSymbol(o / SymbolSize, name, value, size, type, (byte)(info >> 4), shndx));
        }

        return list;
    }

    private static void CheckRange(byte[] b, ulong offset, ulong size, string what)
    {
        if (offset > (ulong)b.Length || size > (ulong)b.Length - offset)
            throw Bad($"truncated ELF: {what} at offset {offset} size {size} runs past the end of the file ({b.Length} bytes)");
    }

    private static string CString(byte[] b, ulong tableOff, ulong tableSize, uint off, string what)
    {
        if (off >= tableSize)
            throw Bad($"{what}: string offset {off} outside the string table ({tableSize} bytes)");
        var start = (int)(tableOff + off);
        var end = start;
        var limit = (int)(tableOff + tableSize);
        while (end < limit && b[end] != 0)
            end++;
        if (end == limit)
            throw Bad($"{what}: string not NUL-terminated");
        return System.Text.Encoding.UTF8.GetString(b, start, end - start);
    }

    private static BpfFormatException Bad(string message) => new("ENOEXEC", message);

    private static ushort U16(byte[] b, int o) => BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(o));
    private static uint U32(byte[] b, int o) => BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(o));
    private static ulong U64(byte[] b, int o) => BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(o));
}
