using Marketplace.Abstractions.Organizations;
using Marketplace.Application.Common.Security;
using Marketplace.Application.Organizations;
using Mediator;

namespace Marketplace.Application.Identity.GetCurrentCaller;

/// <summary>Who the caller is, and its organisation: what a client shows after signing in.</summary>
public sealed record GetCurrentCaller : IQuery<CurrentCaller>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.SignedIn;
}

public sealed record CurrentCaller(Caller Caller, OrganizationSnapshot? Organization);

public sealed class GetCurrentCallerHandler(ICallerAccessor callers, IGrainFactory grains) : IQueryHandler<GetCurrentCaller, CurrentCaller>
{
    public async ValueTask<CurrentCaller> Handle(GetCurrentCaller query, CancellationToken cancellationToken)
    {
        var caller = await callers.GetCallerAsync(cancellationToken);
        return new CurrentCaller(caller, await grains.FindOrganizationAsync(caller.OrganizationId!));
    }
}
