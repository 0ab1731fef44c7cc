using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DiplomacyTracker.Testing;

/// <summary>
/// The app served by real Kestrel on a free loopback port, for a real browser. On net9.0 WebApplicationFactory only
/// offers TestServer, so this builds a second host from the same builder with Kestrel (UseKestrel() on the factory
/// is .NET 10 only). The TestServer host is still returned, as the factory requires one.
/// </summary>
public class KestrelAppFactory : DiplomacyAppFactory
{
    private IHost? kestrelHost;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var testHost = builder.Build();
        builder.ConfigureWebHost(web => web.UseKestrel().UseUrls("http://127.0.0.1:0"));
        kestrelHost = builder.Build();
        kestrelHost.Start();
        var addresses = kestrelHost.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.Last());
        testHost.Start();
        return testHost;
    }

    /// <summary>Services of the host the browser talks to.</summary>
    public IServiceProvider KestrelServices => kestrelHost?.Services ?? throw new InvalidOperationException("Not started.");

    public override async Task DisposeAsync()
    {
        if (kestrelHost is not null)
        {
            await kestrelHost.StopAsync();
            kestrelHost.Dispose();
        }

        await base.DisposeAsync();
    }
}
