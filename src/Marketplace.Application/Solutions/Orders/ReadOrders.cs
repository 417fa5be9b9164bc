using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Solutions;
using Marketplace.Application.Common.Security;
using Mediator;

namespace Marketplace.Application.Solutions.Orders;

/// <summary>An order with its lines per partner, to its customer and to operators.</summary>
public sealed record GetOrder(string OrderId) : IQuery<OrderSnapshot>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Order(OrderId);
}

public sealed class GetOrderHandler(IGrainFactory grains) : IQueryHandler<GetOrder, OrderSnapshot>
{
    public async ValueTask<OrderSnapshot> Handle(GetOrder query, CancellationToken cancellationToken) =>
        await grains.GetGrain<IOrderGrain>(query.OrderId).GetAsync() ?? throw new NotFoundException("Order", query.OrderId);
}

/// <summary>The caller's organisation's orders, newest first; operators see every organisation's.</summary>
public sealed record ListOrders : IQuery<IReadOnlyList<OrderSummary>>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Customer();
}

public sealed class ListOrdersHandler(IGrainFactory grains, ICallerAccessor callers) : IQueryHandler<ListOrders, IReadOnlyList<OrderSummary>>
{
    public async ValueTask<IReadOnlyList<OrderSummary>> Handle(ListOrders query, CancellationToken cancellationToken)
    {
        var caller = await callers.GetCallerAsync(cancellationToken);
        return await grains.GetGrain<IQuoteBookGrain>(caller.IsOperator ? IQuoteBookGrain.Everyone : caller.OrganizationId!).OrdersAsync();
    }
}
