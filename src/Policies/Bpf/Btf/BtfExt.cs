using System.Buffers.Binary;

namespace NumaActors.Policies.Bpf.Btf;

/// <summary>
/// The <c>.BTF.ext</c> section: func_info, line_info (counted only) and CO-RE records, each a
/// <c>u32 rec_size</c> followed by blocks <c>{sec_name_off, num_info, records}</c> (README §2.7).
/// </summary>
public sealed class BtfExt
{
    private BtfExt(IReadOnlyList<BtfFuncInfo> funcInfos, int lineInfoCount, IReadOnlyList<BtfCoreRelo> coreRelos)
    {
        FuncInfos = funcInfos;
        LineInfoCount = lineInfoCount;
        CoreRelos = coreRelos;
    }

    public IReadOnlyList<BtfFuncInfo> FuncInfos { get; }
    public int LineInfoCount { get; }
    public IReadOnlyList<BtfCoreRelo> CoreRelos { get; }

    public static BtfExt Empty { get; } = new([], 0, []);

    public static BtfExt Parse(ReadOnlySpan<byte> b, BtfTypes btf)
    {
        if (b.Length < 24)
            throw Bad($".BTF.ext is {b.Length} bytes, shorter than its header");
        if (BinaryPrimitives.ReadUInt16LittleEndian(b) != 0xeB9F)
            throw Bad(".BTF.ext: bad magic");
        var hdrLen = U32(b, 4);
        var funcs = new List<BtfFuncInfo>();
        var lines = 0;
        var cores = new List<BtfCoreRelo>();
        Walk(b, hdrLen, U32(b, 8), U32(b, 12), 8, (sec, r) => funcs.Add(new BtfFuncInfo(sec, U32(r, 0), U32(r, 4))), btf);
        Walk(b, hdrLen, U32(b, 16), U32(b, 20), 16, (_, _) => lines++, btf);
        if (hdrLen >= 32 && b.Length >= 32)
        {
            Walk(b, hdrLen, U32(b, 24), U32(b, 28), 16, (sec, r) =>
            {
                var kind = U32(r, 12);
                if (kind > (uint)BtfCoreReloKind.TypeMatches)
                    throw Bad($".BTF.ext: CO-RE record in '{sec}' has unknown kind {kind}");
                cores.Add(new BtfCoreRelo(sec, U32(r, 0), U32(r, 4), btf.String(U32(r, 8)), (BtfCoreReloKind)kind));
            }, btf);
        }

        return new BtfExt(funcs, lines, cores);
    }

    private delegate void RecordReader(string section, ReadOnlySpan<byte> record);

    private static void Walk(ReadOnlySpan<byte> b, uint hdrLen, uint off, uint len, int minRec, RecordReader read, BtfTypes btf)
    {
        if (len == 0)
            return;
        var start = (ulong)hdrLen + off;
        if (start + len > (ulong)b.Length || len < 4)
            throw Bad(".BTF.ext: sub-section runs past the end of the section");
        var s = b.Slice((int)start, (int)len);
        var recSize = (int)U32(s, 0);
        if (recSize < minRec || recSize > 1024)
            throw Bad($".BTF.ext: record size {recSize} is smaller than {minRec}");
        var p = 4;
        while (p < s.Length)
        {
            if (p + 8 > s.Length)
                throw Bad(".BTF.ext: truncated block header");
            var sec = btf.String(U32(s, p));
            var n = U32(s, p + 4);
            p += 8;
            if ((ulong)n * (ulong)recSize > (ulong)(s.Length - p))
                throw Bad($".BTF.ext: block for '{sec}' claims {n} records past the end");
            for (var i = 0; i < n; i++, p += recSize)
                read(sec, s.Slice(p, recSize));
        }
    }

    private static BpfFormatException Bad(string m) => new("EINVAL", m);

    private static uint U32(ReadOnlySpan<byte> b, int o) => BinaryPrimitives.ReadUInt32LittleEndian(b[o..]);
}
