using System.Globalization;

namespace DiplomacyTracker.DataGenerator;

/// <summary>Command line: --database PATH [--events N] [--statements-per-event N] [--people N] [--seed N] [--data DIR].</summary>
public sealed record GeneratorOptions(string Database, int Events, int StatementsPerEvent, int People, int Seed, string DataDirectory)
{
    public const string Usage =
        "Usage: dotnet run --project tests/DiplomacyTracker.DataGenerator -- --database /tmp/x.db [--events 100000] " +
        "[--statements-per-event 10] [--people 300] [--seed 42] [--data <repo>/data]\n" +
        "Deletes the database file if it exists, applies the EF Core migrations and the curated seed, then bulk-inserts synthetic data.";

    public static GeneratorOptions? Parse(IReadOnlyList<string> args, TextWriter error)
    {
        string? database = null;
        var events = 10_000;
        var statements = 10;
        var people = 300;
        var seed = 42;
        string? data = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                error.WriteLine(Usage);
                return null;
            }

            if (i + 1 >= args.Count)
            {
                error.WriteLine($"Missing value after {name}.\n{Usage}");
                return null;
            }

            var value = args[++i];
            switch (name)
            {
                case "--database":
                    database = value;
                    break;
                case "--events" when TryCount(value, out var n):
                    events = n;
                    break;
                case "--statements-per-event" when TryCount(value, out var n):
                    statements = n;
                    break;
                case "--people" when TryCount(value, out var n) && n >= 10:
                    people = n;
                    break;
                case "--seed" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n):
                    seed = n;
                    break;
                case "--data":
                    data = value;
                    break;
                default:
                    error.WriteLine($"Unknown option or bad value: {name} {value}\n{Usage}");
                    return null;
            }
        }

        if (string.IsNullOrWhiteSpace(database))
        {
            error.WriteLine($"--database is required.\n{Usage}");
            return null;
        }

        data ??= FindDataDirectory();
        if (data is null || !Directory.Exists(Path.Combine(data, "seed")))
        {
            error.WriteLine("Cannot find the seed folder (data/seed); pass --data <repository>/data.");
            return null;
        }

        return new GeneratorOptions(Path.GetFullPath(database), events, statements, people, seed, data);
    }

    private static bool TryCount(string value, out int count) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count <= 10_000_000;

    // The repository's data/ folder, found from the build output or the working directory upward.
    private static string? FindDataDirectory()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "DiplomacyTracker.sln")))
                {
                    return Path.Combine(directory.FullName, "data");
                }
            }
        }

        return null;
    }
}
