namespace DiplomacyTracker.Testing;

public static class RepositoryPaths
{
    /// <summary>The checkout's root (the folder holding DiplomacyTracker.sln).</summary>
    public static string Root { get; } = Find();

    public static string Data => Path.Combine(Root, "data");

    public static string Artifacts => Path.Combine(Root, "test-artifacts");

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DiplomacyTracker.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Tests must run inside the repository checkout.");
    }
}
