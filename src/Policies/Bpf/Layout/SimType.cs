namespace NumaActors.Policies.Bpf.Layout;

/// <summary>
/// One type of the simulator's layout table: an int (<see cref="CName"/> is its C spelling), a
/// pointer to <see cref="Target"/>, an array of <see cref="Nelems"/> <see cref="Target"/>, a struct
/// with members, or an enum with enumerators.
/// </summary>
public sealed record SimType(string Name, SimTypeKind Kind, int Size)
{
    public bool Signed { get; init; }
    public string CName { get; init; } = "";
    public SimType? Target { get; init; }
    public int Nelems { get; init; }
    public IReadOnlyList<SimMember> Members { get; init; } = [];
    public IReadOnlyList<(string Name, long Value)> Enumerators { get; init; } = [];

    public static SimType Int(string cName, int size, bool signed) => new(cName, SimTypeKind.Int, size) { Signed = signed, CName = cName };

    public static SimType PointerTo(SimType target) => new($"{target.Name} *", SimTypeKind.Ptr, 8) { Target = target };

    public static SimType ArrayOf(SimType elem, int n) => new($"{elem.Name}[{n}]", SimTypeKind.Array, elem.Size * n) { Target = elem, Nelems = n };

    public SimMember? Member(string name) => Members.FirstOrDefault(m => m.Name == name);
}
