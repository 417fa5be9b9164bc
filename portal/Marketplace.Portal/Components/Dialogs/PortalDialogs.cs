using MudBlazor;

namespace Marketplace.Portal.Components.Dialogs;

/// <summary>The portal's questions to the user, each awaited as one call.</summary>
public static class PortalDialogs
{
    private static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    /// <summary>The reason or note typed (empty when optional and left blank), or null when cancelled.</summary>
    public static async Task<string?> AskReasonAsync(this IDialogService dialogs, string title, string? message, bool required,
        string confirmText, Color confirmColor = Color.Primary, string label = "Reason", string? helperText = null)
    {
        var parameters = new DialogParameters<ReasonDialog>
        {
            { d => d.Message, message },
            { d => d.Required, required },
            { d => d.ConfirmText, confirmText },
            { d => d.ConfirmColor, confirmColor },
            { d => d.Label, label },
            { d => d.HelperText, helperText },
        };
        var reference = await dialogs.ShowAsync<ReasonDialog>(title, parameters, Options);
        var result = await reference.Result;
        return result is { Canceled: false, Data: string text } ? text : null;
    }

    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string message, string confirmText, Color confirmColor = Color.Error)
    {
        var parameters = new DialogParameters<ConfirmDialog>
        {
            { d => d.Message, message },
            { d => d.ConfirmText, confirmText },
            { d => d.ConfirmColor, confirmColor },
        };
        var reference = await dialogs.ShowAsync<ConfirmDialog>(title, parameters, Options);
        var result = await reference.Result;
        return result is { Canceled: false };
    }

    /// <summary>Shows a dialog that sends its own request and returns its result, or default when cancelled.</summary>
    public static async Task<T?> ShowForResultAsync<TDialog, T>(this IDialogService dialogs, string title, DialogParameters<TDialog>? parameters = null)
        where TDialog : Microsoft.AspNetCore.Components.IComponent
    {
        var reference = await dialogs.ShowAsync<TDialog>(title, parameters ?? [], Options);
        var result = await reference.Result;
        return result is { Canceled: false, Data: T data } ? data : default;
    }
}
