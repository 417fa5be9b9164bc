using Marketplace.Domain.Catalog;
using Marketplace.Domain.Partners;

namespace Marketplace.Connectors.CatalogFiles;

internal static class PartnerFiles
{
    private static readonly HashSet<string> Keys =
        ["id", "name", "fictional", "legalName", "country", "taxId", "website", "contactEmail", "contactPhone", "kinds", "description"];

    public static ReadPartner? Read(ReadContext context, string file, YamlFields yaml)
    {
        yaml.OnlyKeys(Keys);
        var id = context.Id(file, yaml);
        var name = yaml.String("name", required: true, maxLength: 200);
        if (yaml.Bool("fictional", required: true) is false)
        {
            yaml.ErrorAt("fictional", "must be true: seed partners are fictional companies");
        }
        var country = yaml.String("country", required: true, maxLength: 2);
        if (country is not null && (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)))
        {
            yaml.ErrorAt("country", "must be an ISO 3166-1 alpha-2 code in capitals");
        }
        var kinds = new List<PartnerKind>();
        foreach (var kind in yaml.Strings("kinds", required: true))
        {
            if (Enum.TryParse<PartnerKind>(kind, out var parsed))
            {
                kinds.Add(parsed);
            }
            else
            {
                yaml.ErrorAt("kinds", $"holds '{kind}'; use ModelVendor, Integrator or HardwareVendor");
            }
        }
        var profile = new PartnerProfile
        {
            LegalName = yaml.String("legalName", required: true, maxLength: 200) ?? "",
            Country = country ?? "",
            TaxId = yaml.String("taxId", required: true, maxLength: 40) ?? "",
            Website = yaml.String("website", required: true, maxLength: 300) ?? "",
            ContactEmail = yaml.String("contactEmail", required: true, maxLength: 254) ?? "",
            ContactPhone = yaml.String("contactPhone", maxLength: 40),
            Description = yaml.String("description", maxLength: 2000),
            Kinds = kinds,
        };
        return id is null || name is null ? null : new ReadPartner(new SeedPartner(id, SeedIds.Organization(id), name, profile), file, yaml.Line);
    }
}
