namespace NumaActors.Kernel.Setup;

/// <summary>
/// Checks a server setup before a <see cref="Model.ServerModel"/> is built from it; returns precise
/// messages instead of throwing (a scenario mapped onto setups is user input).
/// </summary>
public static class SetupValidator
{
    public static IReadOnlyList<string> Validate(ServerSetup setup)
    {
        var errors = new List<string>();
        int nodes = setup.Machine.NodeCount;
        if (setup.TickMs <= 0) errors.Add($"server {setup.ServerId}: tick must be positive, got {setup.TickMs} ms");
        if (setup.RegionSizeBytes < 4096 || setup.RegionSizeBytes % 4096 != 0)
            errors.Add($"server {setup.ServerId}: region size must be a positive multiple of 4 KiB, got {setup.RegionSizeBytes} bytes");
        if (setup.FaultGrainPages < 1 || (long)setup.FaultGrainPages * 4096 > setup.RegionSizeBytes)
            errors.Add($"server {setup.ServerId}: fault grain must be 1 to {setup.RegionSizeBytes / 4096} pages (one region), got {setup.FaultGrainPages}");
        var seen = new HashSet<int>();
        foreach (var p in setup.Processes)
        {
            string who = $"server {setup.ServerId}, process {p.Pid}{(p.Name.Length > 0 ? $" ({p.Name})" : "")}";
            if (!seen.Add(p.Pid)) errors.Add($"{who}: pid used twice");
            errors.AddRange(ValidateProcess(p, nodes, setup.Machine.Nodes.Select(n => n.HasCpus).ToArray()).Select(e => $"{who}: {e}"));
        }
        return errors;
    }

    public static IReadOnlyList<string> ValidateProcess(ProcessSetup p, int nodeCount, bool[] nodeHasCpus)
    {
        var errors = new List<string>();
        if (p.Tasks <= 0) errors.Add($"tasks must be at least 1, got {p.Tasks}");
        if (p.MemoryBytes <= 0) errors.Add($"memory must be positive, got {p.MemoryBytes} bytes");
        if (p.CpuUtilization is < 0 or > 1) errors.Add($"cpu utilization must be within 0..1, got {p.CpuUtilization}");
        if (p.Access.RatePerTaskPerSecond < 0) errors.Add($"access rate must not be negative, got {p.Access.RatePerTaskPerSecond}");
        if (p.Access.SharedFraction is < 0 or > 1) errors.Add($"shared fraction must be within 0..1, got {p.Access.SharedFraction}");
        if (p.Access.Pattern == AccessPattern.Hotset && p.Access.Skew is <= 0 or > 1)
            errors.Add($"hotset skew is the hot fraction and must be within (0, 1], got {p.Access.Skew}");
        if (p.Access.Pattern == AccessPattern.Zipf && p.Access.Skew < 0) errors.Add($"zipf skew must not be negative, got {p.Access.Skew}");
        if (p.Placement.Kind == InitialPlacementKind.Node && (p.Placement.Node < 0 || p.Placement.Node >= nodeCount))
            errors.Add($"initial memory node:{p.Placement.Node} does not exist (nodes 0..{nodeCount - 1})");
        if (p.CpusetNodes is { } cs)
        {
            foreach (int n in cs.Where(n => n < 0 || n >= nodeCount)) errors.Add($"cpuset node {n} does not exist (nodes 0..{nodeCount - 1})");
            if (!cs.Any(n => n >= 0 && n < nodeCount && nodeHasCpus[n])) errors.Add("cpuset has no node with CPUs");
        }
        if (p.PinNodes is { } pins)
            foreach (int n in pins)
                if (n < 0 || n >= nodeCount || !nodeHasCpus[n]) errors.Add($"pin node {n} is not a node with CPUs");
        return errors;
    }
}
