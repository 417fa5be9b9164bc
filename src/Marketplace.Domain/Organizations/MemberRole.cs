namespace Marketplace.Domain.Organizations;

/// <summary>The role an API key or a user holds inside its organisation.</summary>
public enum MemberRole
{
    Member,
    Owner,
}
