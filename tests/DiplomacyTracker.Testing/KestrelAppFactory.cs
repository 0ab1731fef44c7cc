using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DiplomacyTracker.Testing;

/// <summary>The app served by real Kestrel on a free loopback port, for a real browser (WebApplicationFactory.UseKestrel).</summary>
public class KestrelAppFactory : DiplomacyAppFactory
{
    public KestrelAppFactory() => UseKestrel(0);

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Services of the host the browser talks to.</summary>
    public IServiceProvider KestrelServices => Services;

    public override Task InitializeAsync()
    {
        // Starting the server runs migrations and the seed, as the first `dotnet run` does.
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        return Task.CompletedTask;
    }
}
