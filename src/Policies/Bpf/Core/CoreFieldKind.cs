namespace NumaActors.Policies.Bpf.Core;

/// <summary>The kind of the final field of a CO-RE access, for the compatibility check (README §4 step 3).</summary>
internal enum CoreFieldKind
{
    Int,
    Enum,
    Ptr,
    Array,
    Composite,
    Other,
}
