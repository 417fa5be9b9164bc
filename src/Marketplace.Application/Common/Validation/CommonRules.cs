using System.Net.Mail;
using System.Text.RegularExpressions;
using FluentValidation;

namespace Marketplace.Application.Common.Validation;

/// <summary>Field rules shared by several use cases, so the same field is judged the same everywhere.</summary>
public static partial class CommonRules
{
    public const int PasswordMinLength = 10;
    public const int PasswordMaxLength = 128;

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public static bool IsEmail(string? value) =>
        value is { Length: <= 254 }
        && MailAddress.TryCreate(value.Trim(), out var address)
        && address.Address == value.Trim()
        && value.Contains('.', StringComparison.Ordinal);

    public static IRuleBuilderOptions<T, string?> ValidEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().Must(IsEmail).WithMessage("'{PropertyName}' must be an e-mail address.");

    public static IRuleBuilderOptions<T, string?> ValidPassword<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty()
            .Length(PasswordMinLength, PasswordMaxLength)
            .Must(p => p is null || (p.Any(char.IsLetter) && p.Any(c => !char.IsLetter(c))))
            .WithMessage("'{PropertyName}' must mix letters with digits or symbols.");

    public static IRuleBuilderOptions<T, string?> ValidUrl<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(300)
            .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            .WithMessage("'{PropertyName}' must be an http(s) address.");

    /// <summary>Lower-case slugs such as industry ids and tags.</summary>
    public static bool IsSlug(string? value) => value is not null && Slug().IsMatch(value);

    /// <summary>ISO 3166-1 alpha-2 in upper case, or GLOBAL.</summary>
    public static bool IsRegion(string? value) => value is not null && (value == "GLOBAL" || CountryCode().IsMatch(value));

    public static bool IsCountry(string? value) => value is not null && CountryCode().IsMatch(value);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex Slug();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();
}
