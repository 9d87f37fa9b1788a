namespace NumaActors.Host;

/// <summary>Placeholder entry point until the command line lands.</summary>
public static class Cli
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("numa-actors: commands are not built yet");
        return 1;
    }
}
