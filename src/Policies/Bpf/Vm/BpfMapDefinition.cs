namespace NumaActors.Policies.Bpf.Vm;

/// <summary>A BTF-defined map as the object declares it (README §2.4).</summary>
public sealed record BpfMapDefinition(string Name, uint Type, uint KeySize, uint ValueSize, uint MaxEntries, uint Flags)
{
    public const uint TypeHash = 1;
    public const uint TypeArray = 2;
    public const uint TypePercpuHash = 5;
    public const uint TypePercpuArray = 6;
    public const uint TypeLruHash = 9;

    public bool IsArrayLike => Type is TypeArray or TypePercpuArray;

    public string TypeName => Type switch
    {
        TypeHash => "hash",
        TypeArray => "array",
        TypePercpuHash => "percpu_hash",
        TypePercpuArray => "percpu_array",
        TypeLruHash => "lru_hash",
        _ => $"type {Type}",
    };
}
