using System.Collections.Immutable;

namespace NumaActors.Kernel.Scenarios;

/// <summary>
/// Atomically replace a policy's program wherever it is attached. <see cref="Params"/> holds only the
/// changed parameters; <see cref="MergedParams"/> is what the program runs with from then on.
/// </summary>
public sealed record UpdatePolicyEvent(
    TimeSpan At,
    string Policy,
    ImmutableSortedDictionary<string, string> Params,
    ImmutableSortedDictionary<string, string> MergedParams) : TimelineEvent(At);
