namespace DiplomacyTracker.Web.Hosting;

/// <summary>
/// Where the app keeps its files. In a checkout that is the repository's data/ and logs/ folders, found from the
/// build output upward, so `dotnet run` uses the same database wherever it is started from; a published app
/// (no repository around it) uses the folders beside its binaries.
/// </summary>
internal static class AppPaths
{
    private const string SolutionFile = "DiplomacyTracker.sln";

    public static string Root { get; } = FindRepositoryRoot() ?? AppContext.BaseDirectory;

    /// <summary>Seed files and the default database: data/ (seed/*.json, articles/*.txt, diplomacy.db).</summary>
    public static string DataDirectory => Path.Combine(Root, "data");

    public static string LogDirectory => Path.Combine(Root, "logs");

    public static string DefaultConnectionString => $"Data Source={Path.Combine(DataDirectory, "diplomacy.db")}";

    /// <summary>The folder of the app's binaries (and appsettings.json), unless a content root is configured.</summary>
    public static string? ContentRootUnlessConfigured(string[] args) =>
        args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"))
            ? null
            : AppContext.BaseDirectory;

    private static string? FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
