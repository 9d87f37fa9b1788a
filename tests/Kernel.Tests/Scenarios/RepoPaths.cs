namespace NumaActors.Kernel.Tests.Scenarios;

internal static class RepoPaths
{
    /// <summary>The repository root: the first folder above the test binaries that holds NumaActors.sln.</summary>
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "NumaActors.sln"))) return dir.FullName;
            throw new InvalidOperationException("NumaActors.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string BrokenDir => Path.Combine(AppContext.BaseDirectory, "Scenarios", "Broken");
}
