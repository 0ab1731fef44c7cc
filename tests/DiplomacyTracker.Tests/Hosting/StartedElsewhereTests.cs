using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DiplomacyTracker.Testing;

namespace DiplomacyTracker.Tests.Hosting;

/// <summary>
/// The built app started as a service manager starts it: from another folder. It still finds its appsettings.json,
/// so the log levels there hold (database commands are not logged at Information).
/// </summary>
public sealed class StartedElsewhereTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "diplomacy-elsewhere", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Started_from_another_folder_the_app_reads_its_own_settings()
    {
        Directory.CreateDirectory(folder);
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var app = Path.Combine(RepositoryPaths.Root, "src", "DiplomacyTracker.Web", "bin", configuration, "net10.0", "DiplomacyTracker.Web.dll");
        Assert.True(File.Exists(app), $"Build the web app first: {app}");
        var port = FreePort();
        var logs = Path.Combine(folder, "logs");
        var start = new ProcessStartInfo("dotnet", [app, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__Diplomacy"] = $"Data Source={Path.Combine(folder, "diplomacy.db")}",
                ["Logging__Directory"] = logs,
                ["Seed__Directory"] = RepositoryPaths.Data,
            },
        };

        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // Generous: this checks where settings come from, not speed; a cold first render of / on a 2-core machine
            // busy with the browser tests took over 10 s once.
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
            await WaitUntilHealthyAsync(client, process);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/events?pageSize=5")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var lines = Directory.GetFiles(logs).SelectMany(File.ReadAllLines).ToList();
        Assert.Contains(lines, l => l.Contains("\"RequestPath\":\"/api/events\"", StringComparison.Ordinal));
        // appsettings.json sets Microsoft.EntityFrameworkCore to Warning: no SQL command at Information.
        Assert.DoesNotContain(lines, l => l.Contains("Microsoft.EntityFrameworkCore.Database.Command", StringComparison.Ordinal) && l.Contains("\"Level\":\"Information\"", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("\"Level\":\"Debug\"", StringComparison.Ordinal));
    }

    private static async Task WaitUntilHealthyAsync(HttpClient client, Process process)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            Assert.False(process.HasExited, "The app exited during start-up.");
            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(500);
        }

        throw new Xunit.Sdk.XunitException("The app did not become healthy within 60 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
