namespace NumaActors.Host.Cli;

/// <summary>Exit codes of CONTRACT.md §4.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The run failed for a reason that is not the input (member lost, I/O error).</summary>
    public const int RunFailed = 1;

    /// <summary>Bad input: scenario, topology file, policy or command line.</summary>
    public const int BadInput = 2;
}
