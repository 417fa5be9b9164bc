namespace Marketplace.Domain.Organizations;

/// <summary>What an organisation is to the marketplace; decides what it may do.</summary>
public enum OrganizationType
{
    Partner,
    Customer,
    Operator,
}
