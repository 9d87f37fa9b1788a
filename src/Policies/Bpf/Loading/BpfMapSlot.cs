using NumaActors.Policies.Bpf.Vm;

namespace NumaActors.Policies.Bpf.Loading;

/// <summary>A map of the object and the region id its handle (the <c>r1 = map ll</c> value) points at.</summary>
public sealed record BpfMapSlot(BpfMapDefinition Definition, uint HandleRegionId);
