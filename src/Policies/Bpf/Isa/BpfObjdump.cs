using System.Text;
using NumaActors.Policies.Bpf.Elf;

namespace NumaActors.Policies.Bpf.Isa;

/// <summary>
/// The text <c>llvm-objdump -d -r OBJ</c> prints for a BPF object: every non-empty executable
/// section, a header per symbol, each insn with its bytes and LLVM syntax, relocation lines after
/// the insn they patch.
/// </summary>
public static class BpfObjdump
{
    public static string Render(ElfObject elf, string fileName)
    {
        var sb = new StringBuilder();
        sb.Append('\n').Append(fileName).Append(":\tfile format elf64-bpf\n");
        foreach (var section in elf.Sections)
        {
            if (!section.IsExecutable || section.Size == 0 || section.Type == ElfSection.TypeNoBits)
                continue;
            sb.Append("\nDisassembly of section ").Append(section.Name).Append(":\n");
            RenderSection(sb, elf, section);
        }

        return sb.ToString();
    }

    private static void RenderSection(StringBuilder sb, ElfObject elf, ElfSection section)
    {
        var insns = BpfInsn.DecodeAll(section.Data.Span);
        var labels = elf.Symbols
            .Where(s => s.SectionIndex == section.Index && s.Type != ElfSymbol.TypeSection && s.Name.Length > 0)
            .OrderBy(s => s.Value).ThenBy(s => s.Index)
            .ToList();
        var relocs = elf.RelocationsFor(section.Index).OrderBy(r => r.Offset).ToList();
        string? Label(int index)
        {
            var addr = (ulong)index * BpfInsn.Size;
            ElfSymbol? best = null;
            foreach (var s in labels)
            {
                if (s.Value <= addr)
                    best = s;
            }

            if (best is null)
                return null;
            return best.Value == addr ? best.Name : $"{best.Name}+0x{addr - best.Value:x}";
        }

        var bytes = section.Data.Span;
        var r = 0;
        for (var i = 0; i < insns.Length; i++)
        {
            var addr = (ulong)i * BpfInsn.Size;
            foreach (var s in labels.Where(s => s.Value == addr))
                sb.Append('\n').Append(addr.ToString("x16")).Append(" <").Append(s.Name).Append(">:\n");
            var width = insns[i].IsLdImm64 && i + 1 < insns.Length ? 2 : 1;
            sb.Append(i.ToString().PadLeft(8)).Append(":\t");
            var raw = bytes.Slice(i * BpfInsn.Size, width * BpfInsn.Size);
            for (var k = 0; k < raw.Length; k++)
                sb.Append(k == 0 ? "" : " ").Append(raw[k].ToString("x2"));
            sb.Append('\t').Append(BpfDisassembler.Format(insns, i, Label)).Append('\n');
            var end = addr + (ulong)(width * BpfInsn.Size);
            while (r < relocs.Count && relocs[r].Offset < end)
            {
                var rel = relocs[r++];
                var name = rel.SymbolIndex < elf.Symbols.Count ? elf.Symbols[(int)rel.SymbolIndex].Name : "?";
                sb.Append("\t\t").Append(rel.Offset.ToString("x16")).Append(":  ").Append(ElfRelocation.TypeName(rel.Type)).Append('\t').Append(name).Append('\n');
            }

            i += width - 1;
        }
    }
}
