using System.Text.Json.Serialization;

namespace NumaActors.Kernel.Scenarios;

/// <summary>
/// A timeline entry, applied at the first tick at or after <see cref="At"/> in every arm.
/// Events keep the file's order; the loader checks them in time order (stable).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "event")]
[JsonDerivedType(typeof(AttachPolicyEvent), "attach")]
[JsonDerivedType(typeof(UpdatePolicyEvent), "update")]
[JsonDerivedType(typeof(DetachPolicyEvent), "detach")]
[JsonDerivedType(typeof(SysctlEvent), "sysctl")]
[JsonDerivedType(typeof(ScaleEvent), "scale")]
[JsonDerivedType(typeof(PhaseEvent), "phase")]
public abstract record TimelineEvent(TimeSpan At);
