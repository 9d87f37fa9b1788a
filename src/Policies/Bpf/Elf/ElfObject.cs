namespace NumaActors.Policies.Bpf.Elf;

/// <summary>
/// A parsed ELF64 little-endian <c>ET_REL</c> object for <c>EM_BPF</c>: its sections, symbols and
/// REL tables. REL tables are keyed by the section they patch (<c>sh_info</c>), never by name,
/// because clang names them <c>.relstruct_ops/...</c> with no dot (README §2.1).
/// </summary>
public sealed class ElfObject
{
    private readonly IReadOnlyDictionary<int, IReadOnlyList<ElfRelocation>> relocations;

    internal ElfObject(
        IReadOnlyList<ElfSection> sections,
        IReadOnlyList<ElfSymbol> symbols,
        IReadOnlyDictionary<int, IReadOnlyList<ElfRelocation>> relocations)
    {
        Sections = sections;
        Symbols = symbols;
        this.relocations = relocations;
    }

    public IReadOnlyList<ElfSection> Sections { get; }

    public IReadOnlyList<ElfSymbol> Symbols { get; }

    /// <summary>Relocations that patch section <paramref name="sectionIndex"/>, in file order.</summary>
    public IReadOnlyList<ElfRelocation> RelocationsFor(int sectionIndex) =>
        relocations.TryGetValue(sectionIndex, out var list) ? list : [];

    public ElfSection? Section(string name) => Sections.FirstOrDefault(s => s.Name == name);

    /// <summary>Parses <paramref name="bytes"/>; malformed input gives an error, never an exception.</summary>
    public static bool TryParse(byte[] bytes, out ElfObject? elf, out BpfLoadError? error)
    {
        try
        {
            elf = ElfReader.Read(bytes);
            error = null;
            return true;
        }
        catch (BpfFormatException e)
        {
            elf = null;
            error = e.ToError();
            return false;
        }
    }
}
