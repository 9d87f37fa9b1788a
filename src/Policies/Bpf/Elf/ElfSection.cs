namespace NumaActors.Policies.Bpf.Elf;

/// <summary>One section header of an ELF64 relocatable object, with its bytes (empty for NOBITS).</summary>
public sealed record ElfSection(
    int Index,
    string Name,
    uint Type,
    ulong Flags,
    ulong Offset,
    ulong Size,
    uint Link,
    uint Info,
    ulong EntrySize,
    ReadOnlyMemory<byte> Data)
{
    public const uint TypeProgBits = 1;
    public const uint TypeSymTab = 2;
    public const uint TypeStrTab = 3;
    public const uint TypeRel = 9;
    public const uint TypeNoBits = 8;
    public const ulong FlagWrite = 1;
    public const ulong FlagAlloc = 2;
    public const ulong FlagExecInstr = 4;

    public bool IsExecutable => (Flags & FlagExecInstr) != 0;
    public bool IsWritable => (Flags & FlagWrite) != 0;
}
