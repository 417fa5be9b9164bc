using Marketplace.Abstractions.Errors;
using Marketplace.Application.Common.Security;
using Mediator;

namespace Marketplace.Application.Common.Behaviours;

/// <summary>Refuses a request its caller may not send, before any validation or data access.</summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(ICallerAccessor callers, IResourceOwners owners)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IAuthorizedRequest authorized)
        {
            throw new ForbiddenException($"{typeof(TMessage).Name} declares no access rule, so nobody may send it.");
        }
        await authorized.Access.DemandAsync(await callers.GetCallerAsync(cancellationToken), owners);
        return await next(message, cancellationToken);
    }
}
