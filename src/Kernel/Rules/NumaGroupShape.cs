namespace NumaActors.Kernel.Rules;

/// <summary>What the scan-period bounds need of a numa group: its task count and MEM fault sums by type.</summary>
public readonly record struct NumaGroupShape(long Tasks, long SharedFaults, long PrivateFaults);
