namespace NumaActors.Kernel.Reporting;

/// <summary>Something that happened during a run that a reader of the report should see (attach, detach, fault of a program...).</summary>
public sealed record TimelineRecord(double TSeconds, string Kind, string Target, string Detail);
