namespace Marketplace.Application.Common.Security;

/// <summary>A request that says who may send it; checked before validation touches any data.</summary>
public interface IAuthorizedRequest
{
    Access Access { get; }
}
