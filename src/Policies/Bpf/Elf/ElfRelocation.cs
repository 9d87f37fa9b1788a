namespace NumaActors.Policies.Bpf.Elf;

/// <summary>
/// One 16-byte <c>Elf64_Rel</c> (no addend: the implicit addend sits in the insn imm or data word).
/// <c>r_info</c>: symbol = high 32 bits, type = low 32 bits (README §2.2).
/// </summary>
public sealed record ElfRelocation(ulong Offset, uint SymbolIndex, uint Type)
{
    public const uint R_BPF_NONE = 0;
    public const uint R_BPF_64_64 = 1;
    public const uint R_BPF_64_ABS64 = 2;
    public const uint R_BPF_64_ABS32 = 3;
    public const uint R_BPF_64_NODYLD32 = 4;
    public const uint R_BPF_64_32 = 10;

    public static string TypeName(uint type) => type switch
    {
        R_BPF_NONE => "R_BPF_NONE",
        R_BPF_64_64 => "R_BPF_64_64",
        R_BPF_64_ABS64 => "R_BPF_64_ABS64",
        R_BPF_64_ABS32 => "R_BPF_64_ABS32",
        R_BPF_64_NODYLD32 => "R_BPF_64_NODYLD32",
        R_BPF_64_32 => "R_BPF_64_32",
        _ => $"Unknown ({type})",
    };
}
