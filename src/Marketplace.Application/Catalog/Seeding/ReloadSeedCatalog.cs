using Marketplace.Abstractions.Errors;
using Marketplace.Application.Common.Security;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Organizations;
using Mediator;

namespace Marketplace.Application.Catalog.Seeding;

/// <summary>
/// An operator owner re-reads the catalog files and applies them. If any file is invalid, every
/// problem comes back as "path:line" and nothing is applied.
/// </summary>
public sealed record ReloadSeedCatalog : ICommand<SeedReport>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Operator(MemberRole.Owner);
}

public sealed class ReloadSeedCatalogHandler(ISeedCatalogSource source, SeedCatalogApplier applier) : ICommandHandler<ReloadSeedCatalog, SeedReport>
{
    public async ValueTask<SeedReport> Handle(ReloadSeedCatalog command, CancellationToken cancellationToken)
    {
        SeedCatalog catalog;
        try
        {
            catalog = source.Load();
        }
        catch (SeedCatalogException e)
        {
            // Each problem is keyed by "path:line" so a client can point at the exact place.
            throw new RequestValidationException(e.Errors
                .GroupBy(error => error[..Math.Max(0, error.IndexOf(": ", StringComparison.Ordinal))])
                .ToDictionary(g => g.Key, g => g.Select(error => error[(g.Key.Length + 2)..]).ToArray()));
        }
        return await applier.ApplyAsync(catalog, force: true, cancellationToken);
    }
}
