namespace NumaActors.Kernel.Decisions;

/// <summary>
/// One arm as a choice for one workload (or class): its locality gain over the baseline arm (local
/// access ratio, mean over the run, difference), its balancing CPU share and stall p99, and the
/// setting the arm gives that workload, in words.
/// </summary>
public sealed record DecisionCandidate(
    string Arm,
    int ArmIndex,
    double LocalityGain,
    double CpuShare,
    double StallMsP99,
    string Setting);
