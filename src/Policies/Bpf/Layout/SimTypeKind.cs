namespace NumaActors.Policies.Bpf.Layout;

/// <summary>What a type of the simulator's layout is, in the terms CO-RE compares (README §4 step 3).</summary>
public enum SimTypeKind
{
    Int,
    Ptr,
    Array,
    Struct,
    Enum,
    FuncPtr,
}
