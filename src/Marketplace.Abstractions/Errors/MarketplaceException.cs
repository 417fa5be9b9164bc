namespace Marketplace.Abstractions.Errors;

/// <summary>
/// Base of the errors a caller can act on. Each maps to one HTTP status in the API; they are
/// source-generated serializable so they keep their type across grain calls between silos.
/// </summary>
[GenerateSerializer, Alias("Marketplace.MarketplaceException")]
public abstract class MarketplaceException : Exception
{
    protected MarketplaceException(string message)
        : base(message)
    {
    }

    /// <summary>A stable machine-readable code, e.g. "organization.not_found".</summary>
    [Id(0)]
    public string Code { get; init; } = "error";
}

/// <summary>The addressed object does not exist (or is not visible to the caller).</summary>
[GenerateSerializer, Alias("Marketplace.NotFoundException")]
public sealed class NotFoundException : MarketplaceException
{
    public NotFoundException(string resource, string id)
        : base($"{resource} '{id}' was not found.")
    {
        Resource = resource;
        ResourceId = id;
        Code = resource.ToLowerInvariant().Replace(' ', '_') + ".not_found";
    }

    [Id(0)]
    public string Resource { get; init; }

    [Id(1)]
    public string ResourceId { get; init; }
}

/// <summary>The request is well-formed but conflicts with the object's current state.</summary>
[GenerateSerializer, Alias("Marketplace.ConflictException")]
public sealed class ConflictException : MarketplaceException
{
    public ConflictException(string code, string message, IReadOnlyList<string>? details = null)
        : base(message)
    {
        Code = code;
        Details = details ?? [];
    }

    /// <summary>What exactly is in the way (missing items, failed checks), for clients to list.</summary>
    [Id(0)]
    public IReadOnlyList<string> Details { get; init; }

    /// <summary>When the conflict is passing (work still in progress), how soon a retry may succeed.</summary>
    [Id(1)]
    public TimeSpan? RetryAfter { get; init; }
}

/// <summary>The caller is known but may not do this.</summary>
[GenerateSerializer, Alias("Marketplace.ForbiddenException")]
public sealed class ForbiddenException : MarketplaceException
{
    public ForbiddenException(string message)
        : base(message) => Code = "forbidden";
}

/// <summary>The caller did not authenticate (or its credentials are not valid).</summary>
[GenerateSerializer, Alias("Marketplace.UnauthenticatedException")]
public sealed class UnauthenticatedException : MarketplaceException
{
    public UnauthenticatedException(string message)
        : base(message) => Code = "unauthenticated";
}

/// <summary>Input that fails a rule, with the offending fields named as the JSON body names them.</summary>
[GenerateSerializer, Alias("Marketplace.RequestValidationException")]
public sealed class RequestValidationException : MarketplaceException
{
    public RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base("One or more fields are invalid: " + string.Join(", ", errors.Keys) + ".")
    {
        Errors = errors;
        Code = "validation";
    }

    public RequestValidationException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    [Id(0)]
    public IReadOnlyDictionary<string, string[]> Errors { get; init; }
}

/// <summary>A limit was reached; the caller may retry after <see cref="RetryAfter"/>.</summary>
[GenerateSerializer, Alias("Marketplace.TooManyRequestsException")]
public sealed class TooManyRequestsException : MarketplaceException
{
    public TooManyRequestsException(string message, TimeSpan retryAfter)
        : base(message)
    {
        RetryAfter = retryAfter;
        Code = "rate_limited";
    }

    [Id(0)]
    public TimeSpan RetryAfter { get; init; }
}
