using FluentValidation;
using Marketplace.Abstractions.Sandbox;
using Marketplace.Application.Common.Security;
using Marketplace.Application.Organizations;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Sandbox;
using Mediator;

namespace Marketplace.Application.Sandbox.Usage;

/// <summary>An operator owner gives an organisation its own sandbox quota (e.g. for an enterprise trial), or resets it.</summary>
public sealed record SetSandboxQuota(
    string OrganizationId, int? DailyTrials, double? DailyComputeSeconds, double? TrialsPerSecond, int? Burst, bool Reset = false, long? DailyGenerationTokens = null)
    : ICommand<QuotaStatus>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Operator(MemberRole.Owner);
}

public sealed class SetSandboxQuotaValidator : AbstractValidator<SetSandboxQuota>
{
    public SetSandboxQuotaValidator()
    {
        When(c => !c.Reset, () =>
        {
            RuleFor(c => c.DailyTrials).NotNull().InclusiveBetween(0, 10_000_000);
            RuleFor(c => c.DailyComputeSeconds).NotNull().InclusiveBetween(0, 10_000_000);
            RuleFor(c => c.TrialsPerSecond).NotNull().GreaterThan(0).LessThanOrEqualTo(10_000);
            RuleFor(c => c.Burst).NotNull().InclusiveBetween(1, 100_000);
            RuleFor(c => c.DailyGenerationTokens).InclusiveBetween(0, 10_000_000_000);
        });
    }
}

public sealed class SetSandboxQuotaHandler(IGrainFactory grains, QuotaPolicy defaultPolicy) : ICommandHandler<SetSandboxQuota, QuotaStatus>
{
    public async ValueTask<QuotaStatus> Handle(SetSandboxQuota c, CancellationToken cancellationToken)
    {
        await grains.ExistingOrganizationAsync(c.OrganizationId);
        // Left out, the daily generation tokens keep the platform's default.
        var policy = c.Reset ? null : new QuotaPolicy(c.DailyTrials!.Value, c.DailyComputeSeconds!.Value, c.TrialsPerSecond!.Value, c.Burst!.Value,
            c.DailyGenerationTokens ?? defaultPolicy.DailyGenerationTokens);
        return await grains.GetGrain<ISandboxQuotaGrain>(c.OrganizationId).SetPolicyAsync(policy);
    }
}
