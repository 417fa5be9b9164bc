using FluentValidation;
using Marketplace.Abstractions.Billing;
using Marketplace.Application.Common.Security;
using Marketplace.Domain.Money;
using Mediator;

namespace Marketplace.Application.Billing;

/// <summary>Finance reconciles one currency's ledger with the gateway over a period (the last 30 days by default).</summary>
public sealed record ReconcileLedger(string? Currency = null, DateTimeOffset? From = null, DateTimeOffset? To = null) : IQuery<ReconciliationReport>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Operator();
}

public sealed class ReconcileLedgerValidator : AbstractValidator<ReconcileLedger>
{
    public ReconcileLedgerValidator()
    {
        RuleFor(q => q.Currency).Must(c => c is null || Currency.IsSupported(c.Trim().ToUpperInvariant()))
            .WithMessage($"'currency' must be one of {string.Join(", ", Currency.Supported)}.");
        RuleFor(q => q.To).Must((q, to) => q.From is null || to is null || q.From < to).WithMessage("'to' must be after 'from'.");
        RuleFor(q => q).Must(q => (q.To ?? DateTimeOffset.MaxValue) - (q.From ?? DateTimeOffset.MinValue) <= TimeSpan.FromDays(366) || q.From is null || q.To is null)
            .OverridePropertyName("from").WithMessage("A reconciliation covers at most 366 days.");
    }
}

public sealed class ReconcileLedgerHandler(IJournalStore journal, IGatewayRecords gateway, TimeProvider time) : IQueryHandler<ReconcileLedger, ReconciliationReport>
{
    private static readonly GatewayRecordKind[] Kinds = [GatewayRecordKind.Charge, GatewayRecordKind.Refund, GatewayRecordKind.Transfer];

    public async ValueTask<ReconciliationReport> Handle(ReconcileLedger query, CancellationToken cancellationToken)
    {
        var currency = query.Currency?.Trim().ToUpperInvariant() ?? GetPartnerEarnings.DefaultCurrency;
        var to = query.To ?? time.GetUtcNow();
        var from = query.From ?? to.AddDays(-30);
        if (!gateway.Configured)
        {
            return new ReconciliationReport(currency, from, to, false, 0, []);
        }
        var entries = await journal.LoadAsync(currency, cancellationToken);
        var records = new List<GatewayRecord>();
        foreach (var kind in Kinds)
        {
            await foreach (var record in gateway.ListAsync(kind, from, to, cancellationToken))
            {
                records.Add(record);
            }
        }
        return Reconciliation.Reconcile(currency, from, to, entries, records);
    }
}
