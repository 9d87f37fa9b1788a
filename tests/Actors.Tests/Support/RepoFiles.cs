namespace NumaActors.Actors.Tests.Support;

/// <summary>Files of the repository the tests read: the example scenarios, if the branch has them.</summary>
public static class RepoFiles
{
    public static IEnumerable<string> Examples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "NumaActors.sln"))) continue;
            var examples = Path.Combine(dir.FullName, "examples");
            return Directory.Exists(examples) ? Directory.GetFiles(examples, "*.yaml").Order(StringComparer.Ordinal) : [];
        }
        return [];
    }
}
