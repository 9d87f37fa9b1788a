namespace NumaActors.Policies.Bpf.Loading;

/// <summary>A global variable: its offset and size inside its data section (from the symbol table, README §2.5).</summary>
public sealed record BpfGlobalVariable(string Name, int Offset, int Size);
