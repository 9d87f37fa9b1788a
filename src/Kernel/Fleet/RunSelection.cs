namespace NumaActors.Kernel.Fleet;

/// <summary>Which arms to run (null: all) and how to report progress.</summary>
public sealed record RunSelection(string? Arm = null, IProgress<RunProgress>? Progress = null);
