namespace NumaActors.Policies.Bpf.Btf;

/// <summary>
/// One BTF type: the common header (<c>name_off, info, size|type</c>) and its kind-specific data.
/// <see cref="SizeOrType"/> is the byte size for INT/STRUCT/UNION/ENUM/DATASEC/FLOAT and the
/// referenced type id for the others.
/// </summary>
public sealed record BtfType(uint Id, BtfKind Kind, string Name, int Vlen, bool KindFlag, uint SizeOrType)
{
    public uint IntEncoding { get; init; }
    public uint ArrayElem { get; init; }
    public uint ArrayIndex { get; init; }
    public uint ArrayNelems { get; init; }
    public uint VarLinkage { get; init; }
    public IReadOnlyList<BtfMember> Members { get; init; } = [];
    public IReadOnlyList<BtfEnumerator> Enumerators { get; init; } = [];
    public IReadOnlyList<BtfMember> Params { get; init; } = [];
    public IReadOnlyList<BtfVarSecInfo> SecInfos { get; init; } = [];

    public bool IntSigned => (IntEncoding & (1u << 24)) != 0;
    public int IntBits => (int)(IntEncoding & 0xff);
    public bool IsComposite => Kind is BtfKind.Struct or BtfKind.Union;
}
