using FluentValidation;
using Marketplace.Abstractions.Errors;
using Marketplace.Application.Common.Validation;
using Mediator;

namespace Marketplace.Application.Common.Behaviours;

/// <summary>Runs every validator of the request and refuses it with all failing fields named.</summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors);
        }
        if (failures.Count > 0)
        {
            throw new RequestValidationException(FieldNames.Group(failures));
        }
        return await next(message, cancellationToken);
    }
}
