using System.Buffers.Binary;
using System.Text;

namespace NumaActors.Policies.Bpf.Btf;

/// <summary>
/// The <c>.BTF</c> section: its type table (id 0 = void) and string table, with the look-ups the
/// loader needs (skip modifiers, size of a type, find by kind and name).
/// </summary>
public sealed class BtfTypes
{
    private const ushort Magic = 0xeB9F;
    private readonly byte[] strings;

    private BtfTypes(IReadOnlyList<BtfType> types, byte[] strings)
    {
        Types = types;
        this.strings = strings;
    }

    /// <summary>Types indexed by id; index 0 is void.</summary>
    public IReadOnlyList<BtfType> Types { get; }

    public BtfType this[uint id] => id < Types.Count ? Types[(int)id] : throw new BpfFormatException("EINVAL", $"BTF type id {id} out of range ({Types.Count} types)");

    public string String(uint offset) => ReadString(strings, offset);

    /// <summary>Skips typedef/volatile/const/restrict/type_tag.</summary>
    public BtfType SkipModifiers(uint id)
    {
        var t = this[id];
        for (var guard = 0; t.Kind is BtfKind.Typedef or BtfKind.Volatile or BtfKind.Const or BtfKind.Restrict or BtfKind.TypeTag; guard++)
        {
            if (guard > 64)
                throw new BpfFormatException("EINVAL", $"BTF type {id}: modifier chain too long (a loop?)");
            t = this[t.SizeOrType];
        }

        return t;
    }

    /// <summary>Byte size of a type (pointers 8, arrays elem × nelems).</summary>
    public ulong SizeOf(uint id)
    {
        ulong mult = 1;
        for (var guard = 0; guard < 64; guard++)
        {
            var t = SkipModifiers(id);
            switch (t.Kind)
            {
                case BtfKind.Int or BtfKind.Struct or BtfKind.Union or BtfKind.Enum or BtfKind.Enum64 or BtfKind.Float or BtfKind.DataSec:
                    return mult * t.SizeOrType;
                case BtfKind.Ptr:
                    return mult * 8;
                case BtfKind.Array:
                    mult *= t.ArrayNelems;
                    id = t.ArrayElem;
                    break;
                case BtfKind.Var:
                    id = t.SizeOrType;
                    break;
                default:
                    return 0;
            }
        }

        throw new BpfFormatException("EINVAL", $"BTF type {id}: size chain too long (a loop?)");
    }

    public BtfType? Find(BtfKind kind, string name) => Types.FirstOrDefault(t => t.Kind == kind && t.Name == name);

    public static BtfTypes Parse(ReadOnlySpan<byte> b)
    {
        if (b.Length < 24)
            throw Bad($".BTF is {b.Length} bytes, shorter than its 24-byte header");
        if (BinaryPrimitives.ReadUInt16LittleEndian(b) != Magic)
            throw Bad(".BTF: bad magic (expected 0xeB9F little-endian)");
        var hdrLen = BinaryPrimitives.ReadUInt32LittleEndian(b[4..]);
        var typeOff = BinaryPrimitives.ReadUInt32LittleEndian(b[8..]);
        var typeLen = BinaryPrimitives.ReadUInt32LittleEndian(b[12..]);
        var strOff = BinaryPrimitives.ReadUInt32LittleEndian(b[16..]);
        var strLen = BinaryPrimitives.ReadUInt32LittleEndian(b[20..]);
        var typesAt = (ulong)hdrLen + typeOff;
        var strsAt = (ulong)hdrLen + strOff;
        if (typesAt + typeLen > (ulong)b.Length || strsAt + strLen > (ulong)b.Length)
            throw Bad(".BTF: type or string section runs past the end of the section");
        var strings = b.Slice((int)strsAt, (int)strLen).ToArray();
        var types = new List<BtfType> { new(0, BtfKind.Void, "", 0, false, 0) };
        var t = b.Slice((int)typesAt, (int)typeLen);
        var p = 0;
        while (p < t.Length)
        {
            Need(t, p, 12);
            var nameOff = U32(t, p);
            var info = U32(t, p + 4);
            var sizeOrType = U32(t, p + 8);
            p += 12;
            var kind = (BtfKind)((info >> 24) & 0x1f);
            var vlen = (int)(info & 0xffff);
            var kflag = (info & 0x80000000) != 0;
            var id = (uint)types.Count;
            var ty = new BtfType(id, kind, ReadString(strings, nameOff), vlen, kflag, sizeOrType);
            switch (kind)
            {
                case BtfKind.Int:
                    Need(t, p, 4);
                    ty = ty with { IntEncoding = U32(t, p) };
                    p += 4;
                    break;
                case BtfKind.Array:
                    Need(t, p, 12);
                    ty = ty with { ArrayElem = U32(t, p), ArrayIndex = U32(t, p + 4), ArrayNelems = U32(t, p + 8) };
                    p += 12;
                    break;
                case BtfKind.Struct or BtfKind.Union:
                    Need(t, p, 12 * vlen);
                    var members = new BtfMember[vlen];
                    for (var i = 0; i < vlen; i++, p += 12)
                    {
                        var off = U32(t, p + 8);
                        members[i] = kflag
                            ? new BtfMember(ReadString(strings, U32(t, p)), U32(t, p + 4), off & 0xffffff, off >> 24)
                            : new BtfMember(ReadString(strings, U32(t, p)), U32(t, p + 4), off, 0);
                    }

                    ty = ty with { Members = members };
                    break;
                case BtfKind.Enum:
                    Need(t, p, 8 * vlen);
                    var en = new BtfEnumerator[vlen];
                    for (var i = 0; i < vlen; i++, p += 8)
                        en[i] = new BtfEnumerator(ReadString(strings, U32(t, p)), kflag ? U32(t, p + 4) : (int)U32(t, p + 4));
                    ty = ty with { Enumerators = en };
                    break;
                case BtfKind.Enum64:
                    Need(t, p, 12 * vlen);
                    var en64 = new BtfEnumerator[vlen];
                    for (var i = 0; i < vlen; i++, p += 12)
                        en64[i] = new BtfEnumerator(ReadString(strings, U32(t, p)), (long)(U32(t, p + 4) | ((ulong)U32(t, p + 8) << 32)));
                    ty = ty with { Enumerators = en64 };
                    break;
                case BtfKind.FuncProto:
                    Need(t, p, 8 * vlen);
                    var ps = new BtfMember[vlen];
                    for (var i = 0; i < vlen; i++, p += 8)
                        ps[i] = new BtfMember(ReadString(strings, U32(t, p)), U32(t, p + 4), 0, 0);
                    ty = ty with { Params = ps };
                    break;
                case BtfKind.Var:
                    Need(t, p, 4);
                    ty = ty with { VarLinkage = U32(t, p) };
                    p += 4;
                    break;
                case BtfKind.DataSec:
                    Need(t, p, 12 * vlen);
                    var vs = new BtfVarSecInfo[vlen];
                    for (var i = 0; i < vlen; i++, p += 12)
                        vs[i] = new BtfVarSecInfo(U32(t, p), U32(t, p + 4), U32(t, p + 8));
                    ty = ty with { SecInfos = vs };
                    break;
                case BtfKind.DeclTag:
                    Need(t, p, 4);
                    p += 4;
                    break;
                case BtfKind.Ptr or BtfKind.Fwd or BtfKind.Typedef or BtfKind.Volatile or BtfKind.Const or BtfKind.Restrict
                    or BtfKind.Func or BtfKind.Float or BtfKind.TypeTag:
                    break;
                default:
                    throw Bad($".BTF: type {id} has unknown kind {(int)kind}");
            }

            types.Add(ty);
        }

        return new BtfTypes(types, strings);
    }

    internal static string ReadString(byte[] strings, uint offset)
    {
        if (offset >= strings.Length)
        {
            if (offset == 0)
                return "";
            throw Bad($".BTF: string offset {offset} outside the string table ({strings.Length} bytes)");
        }

        var end = Array.IndexOf(strings, (byte)0, (int)offset);
        if (end < 0)
            throw Bad($".BTF: string at {offset} is not NUL-terminated");
        return Encoding.UTF8.GetString(strings, (int)offset, end - (int)offset);
    }

    private static void Need(ReadOnlySpan<byte> t, int p, int n)
    {
        if (n < 0 || p + n > t.Length)
            throw Bad(".BTF: truncated type record");
    }

    private static BpfFormatException Bad(string m) => new("EINVAL", m);

    private static uint U32(ReadOnlySpan<byte> b, int o) => BinaryPrimitives.ReadUInt32LittleEndian(b[o..]);
}
