namespace Marketplace.Domain.Organizations;

/// <summary>Limits shared by validators, grains and the portal so they never disagree.</summary>
public static class OrganizationRules
{
    public const int NameMaxLength = 200;
    public const int KeyNameMaxLength = 100;

    /// <summary>The organisation that runs the marketplace; bootstrap admin keys belong to it.</summary>
    public const string OperatorOrganizationId = "org_operator";
    public const string OperatorOrganizationName = "Marketplace Operator";
}
