namespace NumaActors.Policies.Bpf.Core;

/// <summary>
/// Where an access path ends, on one side (local BTF or simulator layout): the bit offset from the
/// root, the field's byte size, bitfield width (0 = none), signedness and kind.
/// </summary>
internal sealed record CoreFieldSpec(long BitOffset, long ByteSize, int BitfieldSize, bool Signed, CoreFieldKind Kind);
