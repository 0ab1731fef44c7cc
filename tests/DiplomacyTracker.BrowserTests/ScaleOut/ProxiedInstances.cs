using System.Diagnostics;
using Microsoft.Playwright;

namespace DiplomacyTracker.BrowserTests.ScaleOut;

/// <summary>
/// Two app instances behind nginx, started by tests/scale-out/two-instances.sh, which says where in the environment:
/// <c>SCALEOUT_PROXY_URL</c> (the proxy), <c>SCALEOUT_INSTANCES</c> ("127.0.0.1:5081=pid,127.0.0.1:5082=pid", each
/// instance's upstream address as the proxy's <c>X-Upstream</c> header names it, and its process id) and the editor's
/// <c>SCALEOUT_EDITOR_EMAIL</c> / <c>SCALEOUT_EDITOR_PASSWORD</c>. Without them the tests are skipped.
/// </summary>
public sealed class ProxiedInstances : IAsyncLifetime
{
    private IPlaywright? playwright;

    public static string? ProxyUrl => Environment.GetEnvironmentVariable("SCALEOUT_PROXY_URL") is { Length: > 0 } url ? url : null;

    public static string EditorEmail => Environment.GetEnvironmentVariable("SCALEOUT_EDITOR_EMAIL") ?? "";

    public static string EditorPassword => Environment.GetEnvironmentVariable("SCALEOUT_EDITOR_PASSWORD") ?? "";

    /// <summary>Process id by upstream address.</summary>
    public static IReadOnlyDictionary<string, int> Instances { get; } =
        (Environment.GetEnvironmentVariable("SCALEOUT_INSTANCES") ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('='))
            .ToDictionary(pair => pair[0], pair => int.Parse(pair[1], System.Globalization.CultureInfo.InvariantCulture));

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (ProxyUrl is null)
        {
            return;
        }

        Assertions.SetDefaultExpectTimeout(20_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
    }

    /// <summary>A new browser (own cookies and storage) talking to the proxy.</summary>
    public Task<IBrowserContext> NewContextAsync(int width = 1280) =>
        Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = ProxyUrl, ViewportSize = new ViewportSize { Width = width, Height = 900 } });

    /// <summary>Ends an instance the way a crash or a lost machine does: at once, nothing shut down cleanly.</summary>
    public static void Kill(string upstream)
    {
        using var process = Process.GetProcessById(Instances[upstream]);
        process.Kill();
        process.WaitForExit(10_000);
    }
}

/// <summary>A fact that runs only when tests/scale-out/two-instances.sh has started the instances and the proxy.</summary>
public sealed class ProxiedFactAttribute : FactAttribute
{
    public ProxiedFactAttribute()
    {
        if (ProxiedInstances.ProxyUrl is null)
        {
            Skip = "Needs two app instances behind nginx: run bash tests/scale-out/two-instances.sh";
        }
    }
}
