namespace NumaActors.Policies.Bpf.Elf;

/// <summary>One 24-byte <c>Elf64_Sym</c>; a SECTION symbol carries its section's name.</summary>
public sealed record ElfSymbol(int Index, string Name, ulong Value, ulong Size, byte Type, byte Bind, ushort SectionIndex)
{
    public const byte TypeNoType = 0;
    public const byte TypeObject = 1;
    public const byte TypeFunc = 2;
    public const byte TypeSection = 3;
    public const byte BindLocal = 0;
    public const byte BindGlobal = 1;
}
