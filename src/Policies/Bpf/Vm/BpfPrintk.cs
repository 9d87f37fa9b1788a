using System.Globalization;
using System.Text;

namespace NumaActors.Policies.Bpf.Vm;

/// <summary>
/// <c>bpf_trace_printk</c> formatting of the kernel's subset (README §2.6): <c>%d %i %u %x %ld %lu
/// %lld %llu %llx %s %p %c %%</c> with optional width and <c>0</c>/<c>-</c> flags; more than the
/// supplied arguments, or an unknown conversion, faults like the kernel's -EINVAL.
/// </summary>
internal static class BpfPrintk
{
    public static string Format(string fmt, ReadOnlySpan<ulong> args, BpfMemory memory)
    {
        var sb = new StringBuilder();
        var next = 0;
        for (var i = 0; i < fmt.Length; i++)
        {
            var c = fmt[i];
            if (c != '%')
            {
                sb.Append(c);
                continue;
            }

            if (++i >= fmt.Length)
                throw new BpfFault("bpf_trace_printk: format ends with '%'");
            if (fmt[i] == '%')
            {
                sb.Append('%');
                continue;
            }

            var left = false;
            var zero = false;
            for (; i < fmt.Length && fmt[i] is '-' or '0'; i++)
            {
                left |= fmt[i] == '-';
                zero |= fmt[i] == '0';
            }

            var width = 0;
            for (; i < fmt.Length && char.IsAsciiDigit(fmt[i]); i++)
                width = Math.Min(width * 10 + (fmt[i] - '0'), 64);
            var longs = 0;
            for (; i < fmt.Length && fmt[i] is 'l' or 'h'; i++)
                longs += fmt[i] == 'l' ? 1 : 0;
            if (i >= fmt.Length)
                throw new BpfFault("bpf_trace_printk: incomplete conversion");
            if (next >= args.Length)
                throw new BpfFault($"bpf_trace_printk: format needs more than {args.Length} arguments");
            var a = args[next++];
            var text = fmt[i] switch
            {
                'd' or 'i' => (longs > 0 ? (long)a : (int)a).ToString(CultureInfo.InvariantCulture),
                'u' => (longs > 0 ? a : (uint)a).ToString(CultureInfo.InvariantCulture),
                'x' => (longs > 0 ? a : (uint)a).ToString("x", CultureInfo.InvariantCulture),
                'X' => (longs > 0 ? a : (uint)a).ToString("X", CultureInfo.InvariantCulture),
                'c' => ((char)(byte)a).ToString(),
                'p' => "0x" + a.ToString("x16", CultureInfo.InvariantCulture),
                's' => ReadString(a, memory),
                _ => throw new BpfFault($"bpf_trace_printk: unsupported conversion '%{fmt[i]}'"),
            };
            var pad = Math.Max(0, width - text.Length);
            if (left)
                sb.Append(text).Append(' ', pad);
            else
                sb.Append(zero && fmt[i] != 's' ? '0' : ' ', pad).Append(text);
        }

        return sb.ToString();
    }

    private static string ReadString(ulong address, BpfMemory memory)
    {
        var sb = new StringBuilder();
        for (var k = 0; k < 256; k++)
        {
            var b = (byte)memory.Load(address + (ulong)k, 1);
            if (b == 0)
                return sb.ToString();
            sb.Append((char)b);
        }

        return sb.ToString();
    }
}
