using System.Globalization;
using System.Text;
using NumaActors.Policies.Bpf.Isa;
using NumaActors.Policies.Bpf.Loading;

namespace NumaActors.Policies.Bpf;

/// <summary>
/// <c>numa-actors bpf inspect OBJ</c>: what the loader made of an object (programs, maps,
/// globals, struct_ops values, CO-RE results, warnings), then the disassembly in LLVM syntax,
/// identical to <c>llvm-objdump -d -r</c>.
/// </summary>
public static class BpfInspector
{
    /// <summary>Loads and describes <paramref name="path"/>; a refused object gives its errors instead.</summary>
    public static (string? Text, IReadOnlyList<BpfLoadError> Errors) InspectFile(string path, BpfLoadOptions? options = null)
    {
        var loaded = BpfObjectLoader.LoadFile(path, options);
        return loaded.Succeeded ? (Describe(loaded.Object!, path), []) : (null, loaded.Errors);
    }

    /// <summary>The llvm-objdump -d -r text of the object alone.</summary>
    public static string Disassemble(BpfObject obj, string fileName) => BpfObjdump.Render(obj.Elf, fileName);

    public static string Describe(BpfObject obj, string fileName)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"object {fileName}: license \"{obj.License}\"\n");
        sb.Append("\nprograms:\n");
        foreach (var p in obj.Programs)
        {
            sb.Append(inv, $"  {p.Name,-24} section {p.Section,-28} {p.Insns.Count,5} insns");
            if (p.Functions.Count > 1)
                sb.Append(" (with ").Append(string.Join(", ", p.Functions.Skip(1).Select(f => f.Name))).Append(')');
            if (p.IsSleepable)
                sb.Append(" sleepable");
            sb.Append('\n');
        }

        sb.Append("\nmaps:\n");
        if (obj.Maps.Count == 0)
            sb.Append("  (none)\n");
        foreach (var m in obj.Maps.Select(m => m.Definition))
            sb.Append(inv, $"  {m.Name,-24} {m.TypeName,-12} key {m.KeySize} B, value {m.ValueSize} B, max_entries {m.MaxEntries}\n");

        sb.Append("\nglobals:\n");
        if (obj.Globals.Count == 0)
            sb.Append("  (none)\n");
        foreach (var g in obj.Globals)
        {
            sb.Append(inv, $"  {g.Name,-8} {g.Image.Length,5} bytes {(g.Writable ? "read-write" : "read-only")}\n");
            foreach (var v in g.Variables.OrderBy(v => v.Offset))
            {
                var bytes = g.Image.AsSpan(v.Offset, v.Size);
                sb.Append(inv, $"    +{v.Offset,-4} {v.Name,-28} {v.Size,3} B = {Value(bytes)}\n");
            }
        }

        sb.Append("\nstruct_ops:\n");
        if (obj.StructOps.Count == 0)
            sb.Append("  (none)\n");
        foreach (var o in obj.StructOps)
        {
            sb.Append(inv, $"  {o.Variable} (struct bpf_numab_ops in {o.Section}, {(o.Link ? "link mode" : "plain mode: attach gives EOPNOTSUPP")})\n");
            sb.Append(inv, $"    numab_hook         = {o.NumabHook ?? "NULL"}\n");
            sb.Append(inv, $"    hot_thresh         = {o.HotThresh}\n");
            sb.Append(inv, $"    cgroup_id          = {o.CgroupId}{(o.CgroupId != 0 ? " (ignored: the scenario's attach decides)" : "")}\n");
            foreach (var (name, v) in new[] { ("scan_size_mb", o.ScanSizeMb), ("scan_period_min_ms", o.ScanPeriodMinMs), ("scan_period_max_ms", o.ScanPeriodMaxMs), ("scan_delay_ms", o.ScanDelayMs) })
            {
                if (v is { } x)
                    sb.Append(inv, $"    {name,-18} = {x}\n");
            }
        }

        if (obj.CoreRelocations.Count > 0)
        {
            sb.Append("\nCO-RE relocations against the simulator's layout:\n");
            foreach (var c in obj.CoreRelocations)
                sb.Append("  ").Append(c).Append('\n');
        }

        if (obj.Warnings.Count > 0)
        {
            sb.Append("\nwarnings:\n");
            foreach (var w in obj.Warnings)
                sb.Append("  ").Append(w).Append('\n');
        }

        sb.Append('\n').Append(Disassemble(obj, fileName));
        return sb.ToString();
    }

    private static string Value(ReadOnlySpan<byte> b) => b.Length switch
    {
        1 => b[0].ToString(CultureInfo.InvariantCulture),
        2 => BitConverter.ToUInt16(b).ToString(CultureInfo.InvariantCulture),
        4 => BitConverter.ToUInt32(b).ToString(CultureInfo.InvariantCulture),
        8 => BitConverter.ToUInt64(b).ToString(CultureInfo.InvariantCulture),
        _ => Printable(b) ?? Convert.ToHexStringLower(b),
    };

    private static string? Printable(ReadOnlySpan<byte> b)
    {
        var end = b.IndexOf((byte)0);
        if (end != b.Length - 1)
            return null;
        foreach (var c in b[..end])
        {
            if (c is < 0x20 or > 0x7e)
                return null;
        }

        return "\"" + Encoding.ASCII.GetString(b[..end]) + "\"";
    }
}
