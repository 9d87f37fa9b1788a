using System.Text.Json.Serialization;

namespace NumaActors.Kernel.Scenarios;

/// <summary>
/// A timeline entry, applied at the first tick at or after <see cref="At"/> in every arm.
/// <see cref="Scenario.Timeline"/> holds them in time order; events at the same time keep the file's order.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "event")]
[JsonDerivedType(typeof(AttachPolicyEvent), "attach")]
[JsonDerivedType(typeof(UpdatePolicyEvent), "update")]
[JsonDerivedType(typeof(DetachPolicyEvent), "detach")]
[JsonDerivedType(typeof(SysctlEvent), "sysctl")]
[JsonDerivedType(typeof(ScaleEvent), "scale")]
[JsonDerivedType(typeof(PhaseEvent), "phase")]
public abstract record TimelineEvent(TimeSpan At);
