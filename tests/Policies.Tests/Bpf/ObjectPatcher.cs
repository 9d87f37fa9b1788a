using System.Buffers.Binary;
using NumaActors.Policies.Bpf.Elf;

namespace NumaActors.Policies.Tests.Bpf;

/// <summary>Makes hostile variants of a fixture object by patching bytes at known places.</summary>
internal sealed class ObjectPatcher
{
    private readonly ElfObject elf;

    public ObjectPatcher(string fixture)
    {
        Bytes = Fixture.Bytes(fixture);
        Assert.True(ElfObject.TryParse(Bytes, out var parsed, out _));
        elf = parsed!;
    }

    public byte[] Bytes { get; }

    public ObjectPatcher Insn(string section, int index, string hex)
    {
        var s = elf.Section(section)!;
        Convert.FromHexString(hex).CopyTo(Bytes, (int)s.Offset + index * 8);
        return this;
    }

    /// <summary>Rewrites the r_info of relocation <paramref name="n"/> patching <paramref name="section"/>.</summary>
    public ObjectPatcher Relocation(string section, int n, uint symbol, uint type)
    {
        var target = elf.Section(section)!;
        var rel = elf.Sections.Single(s => s.Type == ElfSection.TypeRel && s.Info == target.Index);
        BinaryPrimitives.WriteUInt64LittleEndian(Bytes.AsSpan((int)rel.Offset + n * 16 + 8), ((ulong)symbol << 32) | type);
        return this;
    }

    public int SymbolIndex(string name) => elf.Symbols.Single(s => s.Name == name).Index;

    public ObjectPatcher ReplaceString(string from, string to)
    {
        var strtab = elf.Sections.Single(s => s.Name == ".strtab");
        var at = Bytes.AsSpan((int)strtab.Offset, (int)strtab.Size).IndexOf(System.Text.Encoding.ASCII.GetBytes(from + "\0"));
        Assert.True(at >= 0);
        System.Text.Encoding.ASCII.GetBytes(to.PadRight(from.Length, '\0')).CopyTo(Bytes, (int)strtab.Offset + at);
        return this;
    }
}
