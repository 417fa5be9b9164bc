using FluentValidation;

namespace Marketplace.Application.Common.Validation;

/// <summary>
/// A list's optional <c>?status=</c> filter: a name of the enum, any case; numbers and unknown names
/// are refused with the names allowed, so a typo never silently lists everything.
/// </summary>
public static class StatusFilter
{
    public static TStatus? Parse<TStatus>(string? status)
        where TStatus : struct, Enum =>
        Enum.TryParse<TStatus>(status, ignoreCase: true, out var parsed) ? parsed : null;

    public static IRuleBuilderOptions<T, string?> MustBeStatusOf<T, TStatus>(this IRuleBuilder<T, string?> rule)
        where TStatus : struct, Enum =>
        rule.Must(s => string.IsNullOrEmpty(s) || (Enum.TryParse<TStatus>(s, ignoreCase: true, out var v) && Enum.IsDefined(v) && !int.TryParse(s, out _)))
            .WithMessage($"'status' must be one of {string.Join(", ", Enum.GetNames<TStatus>())}.");
}
