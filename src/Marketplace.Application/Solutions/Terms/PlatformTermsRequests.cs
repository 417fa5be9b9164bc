using FluentValidation;
using Marketplace.Abstractions.Solutions;
using Marketplace.Application.Common.Security;
using Marketplace.Domain.Money;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Vocabulary;
using Mediator;

namespace Marketplace.Application.Solutions.Terms;

/// <summary>The take rate, tax rates and exchange rates quotes are priced under (anyone signed in may read them).</summary>
public sealed record GetPlatformTerms : IQuery<PlatformTerms>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.SignedIn;
}

public sealed class GetPlatformTermsHandler(IGrainFactory grains) : IQueryHandler<GetPlatformTerms, PlatformTerms>
{
    public async ValueTask<PlatformTerms> Handle(GetPlatformTerms query, CancellationToken cancellationToken) =>
        await grains.GetGrain<IPlatformTermsGrain>(0).GetAsync();
}

/// <summary>The platform's share of every partner line, in basis points (1000 = 10 %); quotes already issued keep theirs.</summary>
public sealed record SetTakeRate(int? BasisPoints) : ICommand<PlatformTerms>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Operator(MemberRole.Owner);
}

public sealed class SetTakeRateValidator : AbstractValidator<SetTakeRate>
{
    public SetTakeRateValidator() => RuleFor(c => c.BasisPoints).NotNull().InclusiveBetween(0, 5000);
}

public sealed class SetTakeRateHandler(IGrainFactory grains, ICallerAccessor callers) : ICommandHandler<SetTakeRate, PlatformTerms>
{
    public async ValueTask<PlatformTerms> Handle(SetTakeRate command, CancellationToken cancellationToken) =>
        await grains.GetGrain<IPlatformTermsGrain>(0).SetTakeRateAsync(command.BasisPoints!.Value, Partners.Actors.Describe(await callers.GetCallerAsync(cancellationToken)));
}

/// <summary>A region's tax rate in basis points (1900 = 19 %); null removes it.</summary>
public sealed record SetTaxRate(string Region, int? BasisPoints) : ICommand<PlatformTerms>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Operator(MemberRole.Owner);
}

public sealed class SetTaxRateValidator : AbstractValidator<SetTaxRate>
{
    public SetTaxRateValidator()
    {
        RuleFor(c => c.Region).Must(r => Regions.Normalize(r) is not null).WithMessage("'region' must be GLOBAL or an ISO 3166-1 alpha-2 country code.");
        RuleFor(c => c.BasisPoints).InclusiveBetween(0, 10_000);
    }
}

public sealed class SetTaxRateHandler(IGrainFactory grains, ICallerAccessor callers) : ICommandHandler<SetTaxRate, PlatformTerms>
{
    public async ValueTask<PlatformTerms> Handle(SetTaxRate command, CancellationToken cancellationToken) =>
        await grains.GetGrain<IPlatformTermsGrain>(0).SetTaxRateAsync(Regions.Normalize(command.Region)!, command.BasisPoints, Partners.Actors.Describe(await callers.GetCallerAsync(cancellationToken)));
}

/// <summary>One unit of <c>From</c> is <c>Rate</c> units of <c>To</c>, given as a decimal string ("1.0850") so no binary float touches it; null removes the pair.</summary>
public sealed record SetExchangeRate(string? From, string? To, string? Rate) : ICommand<PlatformTerms>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Operator(MemberRole.Owner);

    /// <summary>"1.0850" → 1,085,000 millionths; at most six decimals.</summary>
    public static long? Micros(string? rate)
    {
        if (string.IsNullOrWhiteSpace(rate) || !System.Text.RegularExpressions.Regex.IsMatch(rate.Trim(), @"^\d{1,9}(\.\d{1,6})?$"))
        {
            return null;
        }
        var parts = rate.Trim().Split('.');
        var fraction = parts.Length == 2 ? parts[1].PadRight(6, '0') : "000000";
        var micros = (long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) * 1_000_000) + long.Parse(fraction, System.Globalization.CultureInfo.InvariantCulture);
        return micros > 0 ? micros : null;
    }
}

public sealed class SetExchangeRateValidator : AbstractValidator<SetExchangeRate>
{
    public SetExchangeRateValidator()
    {
        RuleFor(c => c.From).NotEmpty().Must(c => Currency.IsSupported(c?.Trim().ToUpperInvariant())).WithMessage($"'from' must be one of {string.Join(", ", Currency.Supported)}.");
        RuleFor(c => c.To).NotEmpty().Must(c => Currency.IsSupported(c?.Trim().ToUpperInvariant())).WithMessage($"'to' must be one of {string.Join(", ", Currency.Supported)}.")
            .NotEqual(c => c.From).WithMessage("'to' must differ from 'from'.");
        RuleFor(c => c.Rate).Must(r => r is null || SetExchangeRate.Micros(r) is not null)
            .WithMessage("'rate' is a positive decimal with at most 9 whole digits and 6 decimals, as a string (\"1.0850\"); null removes the pair.");
    }
}

public sealed class SetExchangeRateHandler(IGrainFactory grains, ICallerAccessor callers) : ICommandHandler<SetExchangeRate, PlatformTerms>
{
    public async ValueTask<PlatformTerms> Handle(SetExchangeRate command, CancellationToken cancellationToken) =>
        await grains.GetGrain<IPlatformTermsGrain>(0).SetExchangeRateAsync(
            command.From!.Trim().ToUpperInvariant(), command.To!.Trim().ToUpperInvariant(), SetExchangeRate.Micros(command.Rate),
            Partners.Actors.Describe(await callers.GetCallerAsync(cancellationToken)));
}
