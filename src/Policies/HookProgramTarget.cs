namespace NumaActors.Policies;

/// <summary>
/// Where a new program instance will run: the scenario's policy name (the program's
/// <c>Name</c>), the server and the cgroup. <see cref="Seed"/> is the scenario seed, for programs
/// that draw random numbers (seed them from (seed, server, cgroup, purpose), never from time);
/// <see cref="ObjectPath"/> the policy's object file (kind <c>bpf</c>), resolved by the scenario loader.
/// </summary>
public sealed record HookProgramTarget(string PolicyName, long ServerId, ulong CgroupId)
{
    public ulong Seed { get; init; }

    public string? ObjectPath { get; init; }
}
