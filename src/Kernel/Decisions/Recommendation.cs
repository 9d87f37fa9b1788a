using NumaActors.Kernel.Scenarios;

namespace NumaActors.Kernel.Decisions;

/// <summary>
/// The setting chosen for one workload, or for one class of workloads (<see cref="IsClass"/>: those
/// sharing a cgroup parent, e.g. a Kubernetes qos). <see cref="WithinBudget"/> false means no arm met
/// the budget and the baseline is kept. <see cref="Policy"/> is the program the chosen arm attaches to
/// the workload, parameters as it ran them (null when none, and for classes).
/// </summary>
public sealed record Recommendation(
    string Name,
    bool IsClass,
    IReadOnlyList<string> Members,
    bool LatencySensitive,
    string BaselineArm,
    DecisionCandidate Chosen,
    bool WithinBudget,
    string Reason,
    PolicySpec? Policy,
    IReadOnlyList<DecisionCandidate> Candidates);
