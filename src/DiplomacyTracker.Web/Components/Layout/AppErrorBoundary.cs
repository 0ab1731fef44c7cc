using DiplomacyTracker.Data.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;

namespace DiplomacyTracker.Web.Components.Layout;

/// <summary>
/// Catches an exception in the routed content, logs it with the page it happened on, and shows a message with a
/// way to retry, instead of ending the reader's circuit. Moving to another page clears the error.
/// </summary>
public sealed class AppErrorBoundary : ErrorBoundary, IDisposable
{
    // Present while prerendering: lets a failed page answer 500 rather than 200.
    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    [Inject]
    private ILogger<AppErrorBoundary> Logger { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override void OnInitialized()
    {
        base.OnInitialized();
        Navigation.LocationChanged += RecoverOnNavigation;
    }

    // The database did not answer in time (DatabaseUnavailable): "try again", 503, rather than a fault of the page.
    private bool databaseUnavailable;

    protected override Task OnErrorAsync(Exception exception)
    {
        Logger.LogError(exception, "Unhandled exception while rendering {Uri}", Navigation.Uri);
        databaseUnavailable = DatabaseUnavailable.Is(exception);
        if (HttpContext is { Response.HasStarted: false })
        {
            HttpContext.Response.StatusCode = databaseUnavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        }

        return Task.CompletedTask;
    }

    private void RecoverOnNavigation(object? sender, LocationChangedEventArgs e)
    {
        if (CurrentException is not null)
        {
            _ = InvokeAsync(Recover);
        }
    }

    public void Dispose() => Navigation.LocationChanged -= RecoverOnNavigation;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (CurrentException is null)
        {
            builder.AddContent(0, ChildContent);
            return;
        }

        builder.OpenElement(1, "div");
        builder.AddAttribute(2, "class", "error-panel");
        builder.AddAttribute(3, "role", "alert");
        builder.OpenElement(4, "h2");
        builder.AddContent(5, databaseUnavailable ? "The database did not answer in time" : "Something went wrong on this page");
        builder.CloseElement();
        builder.OpenElement(6, "p");
        builder.AddContent(7, databaseUnavailable
            ? "Please try again in a moment, or narrow the request: a longer search word or a filter."
            : "The problem has been logged. The rest of the app still works; you can try again or go back to the timeline.");
        builder.CloseElement();
        builder.OpenElement(8, "button");
        builder.AddAttribute(9, "type", "button");
        builder.AddAttribute(10, "class", "mud-button-root mud-button mud-button-filled mud-button-filled-primary mud-button-filled-size-medium");
        builder.AddAttribute(11, "onclick", EventCallback.Factory.Create<MouseEventArgs>(this, Recover));
        builder.AddContent(12, "Try again");
        builder.CloseElement();
        builder.OpenElement(13, "a");
        builder.AddAttribute(14, "href", "/");
        builder.AddAttribute(15, "class", "error-panel-link");
        builder.AddContent(16, "Back to the timeline");
        builder.CloseElement();
        builder.CloseElement();
    }
}
