namespace NumaActors.Kernel.Scenarios;

/// <summary>Change knobs at run time on the servers of one class, or of every class when <see cref="Class"/> is null.</summary>
public sealed record SysctlEvent(TimeSpan At, string? Class, SysctlOverrides Sysctl) : TimelineEvent(At);
