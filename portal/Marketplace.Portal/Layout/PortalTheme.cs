using MudBlazor;

namespace Marketplace.Portal.Layout;

/// <summary>
/// The portal's palette: one definition for light and dark mode. Every colour that text is drawn
/// in, or drawn on, reaches WCAG AA contrast (4.5:1) against the surfaces it meets, checked by axe
/// in the end-to-end tests (AccessibilityJourney): MudBlazor's defaults do not (its light text
/// secondary, success, info and error, and white text on the dark palette's light primary).
/// </summary>
public static class PortalTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3949ab",
            Secondary = "#00796b",
            Tertiary = "#bf360c",
            Info = "#1565c0",
            Success = "#2e7d32",
            Warning = "#a85400",
            Error = "#c62828",
            TextSecondary = "rgba(0,0,0,0.64)",
            AppbarBackground = "#283593",
            Background = "#f6f7fb",
        },
        // Light accents on dark surfaces: text on them is near-black, not white.
        PaletteDark = new PaletteDark
        {
            // #8c9eff read at 4.3:1 in text chips on cards (a model card on the catalog); this one reaches 4.85:1.
            Primary = "#9aabff",
            PrimaryContrastText = "#0b1033",
            Secondary = "#80cbc4",
            SecondaryContrastText = "#00201c",
            Tertiary = "#ff8a65",
            TertiaryContrastText = "#2b0c00",
            Info = "#90caf9",
            InfoContrastText = "#04203a",
            Success = "#81c784",
            SuccessContrastText = "#0b2410",
            Warning = "#ffb74d",
            WarningContrastText = "#2e1a00",
            Error = "#ef9a9a",
            ErrorContrastText = "#3a0a0a",
            // Alerts draw their text in the "darken" shade; on dark surfaces it has to be lighter instead.
            InfoDarken = "#bbdefb",
            SuccessDarken = "#a5d6a7",
            WarningDarken = "#ffcc80",
            ErrorDarken = "#f4b4b4",
            TextPrimary = "rgba(255,255,255,0.87)",
            TextSecondary = "rgba(255,255,255,0.70)",
            AppbarBackground = "#1a1f3a",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
