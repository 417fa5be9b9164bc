using Mediator;

namespace Marketplace.Portal.Tests;

/// <summary>
/// Answers the requests a test sets up and records every request sent. The real mediator is
/// source-generated in the host only, so components are tested against this stand-in.
/// </summary>
public sealed class FakeMediator : IMediator
{
    private readonly Dictionary<Type, Func<object, Task<object>>> _answers = [];

    public List<object> Sent { get; } = [];

    public FakeMediator On<TRequest>(Func<TRequest, object> answer)
    {
        _answers[typeof(TRequest)] = request => Task.FromResult(answer((TRequest)request));
        return this;
    }

    /// <summary>An answer that completes later, for tests that look at the page while a request runs.</summary>
    public FakeMediator OnAsync<TRequest>(Func<TRequest, Task<object>> answer)
    {
        _answers[typeof(TRequest)] = request => answer((TRequest)request);
        return this;
    }

    public FakeMediator Returns<TRequest>(object response) => On<TRequest>(_ => response);

    public FakeMediator Throws<TRequest>(Exception error) => On<TRequest>(_ => throw error);

    public IReadOnlyList<T> SentOf<T>() => Sent.OfType<T>().ToList();

    public ValueTask<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default) => Answer<TResponse>(request);

    public ValueTask<TResponse> Send<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default) => Answer<TResponse>(command);

    public ValueTask<TResponse> Send<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default) => Answer<TResponse>(query);

    public async ValueTask<object?> Send(object message, CancellationToken cancellationToken = default) => await Answer<object?>(message);

    public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamRequest<TResponse> request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamCommand<TResponse> command, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamQuery<TResponse> query, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public IAsyncEnumerable<object?> CreateStream(object message, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public ValueTask Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
        where TNotification : INotification => throw new NotSupportedException();

    public ValueTask Publish(object notification, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    private ValueTask<TResponse> Answer<TResponse>(object request)
    {
        Sent.Add(request);
        if (!_answers.TryGetValue(request.GetType(), out var answer))
        {
            return ValueTask.FromException<TResponse>(new InvalidOperationException($"The test gave no answer to {request.GetType().Name}."));
        }
        try
        {
            var answered = answer(request);
            return answered.IsCompletedSuccessfully ? ValueTask.FromResult((TResponse)answered.Result) : AwaitAsync(answered);
        }
        catch (Exception e) when (e is not InvalidCastException)
        {
            return ValueTask.FromException<TResponse>(e);
        }

        static async ValueTask<TResponse> AwaitAsync(Task<object> answered) => (TResponse)await answered;
    }
}
