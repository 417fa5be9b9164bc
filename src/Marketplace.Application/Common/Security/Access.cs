using Marketplace.Abstractions.Errors;
using Marketplace.Domain.Organizations;

namespace Marketplace.Application.Common.Security;

/// <summary>
/// Who may send a request. Every request declares one (see <see cref="IAuthorizedRequest"/>);
/// requests that declare none are refused, so a new use case is closed until someone opens it.
/// </summary>
public abstract record Access
{
    /// <summary>Anyone, signed in or not (health of the catalog, sign-in itself).</summary>
    public static Access Anyone { get; } = new AnyoneAccess();

    /// <summary>Any caller that proved who it is.</summary>
    public static Access SignedIn { get; } = new SignedInAccess();

    /// <summary>A caller from the operator organisation holding at least <paramref name="role"/>.</summary>
    public static Access Operator(MemberRole role = MemberRole.Member) => new OperatorAccess(role);

    /// <summary>A caller from that organisation holding at least <paramref name="role"/>, or an operator.</summary>
    public static Access Organization(string organizationId, MemberRole role = MemberRole.Member, bool operatorMay = true) =>
        new OrganizationAccess(organizationId, role, operatorMay);

    /// <summary>
    /// A caller from the organisation that owns the listing (at least <paramref name="role"/>), or an
    /// operator when <paramref name="operatorMay"/>. An unknown listing is a 404 for signed-in callers.
    /// </summary>
    public static Access Listing(string listingId, MemberRole role = MemberRole.Member, bool operatorMay = true) =>
        new ListingAccess(listingId, role, operatorMay);

    /// <summary>A caller from a customer organisation holding at least <paramref name="role"/>, or an operator (who may explore on a customer's behalf).</summary>
    public static Access Customer(MemberRole role = MemberRole.Member, bool operatorMay = true) => new CustomerAccess(role, operatorMay);

    /// <summary>
    /// A caller from the organisation the quote was made for, or an operator. To anyone else the
    /// quote does not exist (404), so its existence is not given away.
    /// </summary>
    public static Access Quote(string quoteId) => new OwnedAccess("Quote", quoteId, (owners, id) => owners.QuoteOwnerAsync(id));

    /// <summary>Like <see cref="Quote"/>, for an order.</summary>
    public static Access Order(string orderId) => new OwnedAccess("Order", orderId, (owners, id) => owners.OrderOwnerAsync(id));

    /// <summary>Like <see cref="Quote"/>, for an invoice: its customer and operators read it; to anyone else it does not exist.</summary>
    public static Access Invoice(string invoiceId) => new OwnedAccess("Invoice", invoiceId, (owners, id) => owners.InvoiceOwnerAsync(id));

    /// <summary>Throws <see cref="UnauthenticatedException"/> or <see cref="ForbiddenException"/> when the caller may not.</summary>
    public abstract void Demand(Caller caller);

    /// <summary>Like <see cref="Demand"/>, for rules that must look up who owns the object first.</summary>
    public virtual ValueTask DemandAsync(Caller caller, IResourceOwners owners)
    {
        Demand(caller);
        return ValueTask.CompletedTask;
    }

    private protected static void DemandSignedIn(Caller caller)
    {
        if (!caller.IsAuthenticated)
        {
            throw new UnauthenticatedException("Sign in or send an API key as 'Authorization: Bearer <key>'.");
        }
    }

    private sealed record ListingAccess(string ListingId, MemberRole Role, bool OperatorMay) : Access
    {
        public override void Demand(Caller caller) =>
            throw new InvalidOperationException("A listing rule needs its owner; call DemandAsync.");

        public override async ValueTask DemandAsync(Caller caller, IResourceOwners owners)
        {
            DemandSignedIn(caller);
            var owner = await owners.ListingOwnerAsync(ListingId) ?? throw new NotFoundException("Listing", ListingId);
            Organization(owner, Role, OperatorMay).Demand(caller);
        }
    }

    private sealed record CustomerAccess(MemberRole Role, bool OperatorMay) : Access
    {
        public override void Demand(Caller caller)
        {
            DemandSignedIn(caller);
            if (OperatorMay && caller.IsOperator)
            {
                return;
            }
            if (caller.OrganizationType != OrganizationType.Customer)
            {
                throw new ForbiddenException("Only customer organizations ask for solutions and quotes.");
            }
            if (!caller.HasRole(Role))
            {
                throw new ForbiddenException($"This needs the {Role} role in the organization.");
            }
        }
    }

    private sealed record OwnedAccess(string Resource, string Id, Func<IResourceOwners, string, ValueTask<string?>> Owner) : Access
    {
        public override void Demand(Caller caller) =>
            throw new InvalidOperationException("An owned-resource rule needs its owner; call DemandAsync.");

        public override async ValueTask DemandAsync(Caller caller, IResourceOwners owners)
        {
            DemandSignedIn(caller);
            var owner = await Owner(owners, Id);
            if (owner is null || (!caller.IsOperator && !caller.BelongsTo(owner)))
            {
                throw new NotFoundException(Resource, Id);
            }
        }
    }

    private sealed record AnyoneAccess : Access
    {
        public override void Demand(Caller caller)
        {
        }
    }

    private sealed record SignedInAccess : Access
    {
        public override void Demand(Caller caller) => DemandSignedIn(caller);
    }

    private sealed record OperatorAccess(MemberRole Role) : Access
    {
        public override void Demand(Caller caller)
        {
            DemandSignedIn(caller);
            if (!caller.IsOperator)
            {
                throw new ForbiddenException("Only the marketplace operator may do this.");
            }
            if (!caller.HasRole(Role))
            {
                throw new ForbiddenException($"This needs the {Role} role in the operator organization.");
            }
        }
    }

    private sealed record OrganizationAccess(string OrganizationId, MemberRole Role, bool OperatorMay) : Access
    {
        public override void Demand(Caller caller)
        {
            DemandSignedIn(caller);
            if (OperatorMay && caller.IsOperator && caller.HasRole(Role))
            {
                return;
            }
            if (!caller.BelongsTo(OrganizationId))
            {
                throw new ForbiddenException("This belongs to another organization.");
            }
            if (!caller.HasRole(Role))
            {
                throw new ForbiddenException($"This needs the {Role} role in the organization.");
            }
        }
    }
}
