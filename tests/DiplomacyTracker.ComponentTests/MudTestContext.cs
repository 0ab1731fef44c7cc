using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace DiplomacyTracker.ComponentTests;

/// <summary>A bUnit context with MudBlazor's services, as the app registers them (JS calls answered loosely).</summary>
public abstract class MudTestContext : BunitContext, IAsyncLifetime
{
    private bool disposingAsynchronously;

    protected MudTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services can only be disposed asynchronously: xUnit 2 calls DisposeAsync here, then Dispose.
    async Task IAsyncLifetime.DisposeAsync()
    {
        disposingAsynchronously = true;
        await DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (!disposingAsynchronously)
        {
            base.Dispose(disposing);
        }
    }
}
