using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Marketplace.Connectors.CatalogFiles;

/// <summary>
/// Reads catalog/ (industries.yaml, partners/, models/, integrators/, hardware/) into a
/// <see cref="SeedCatalog"/>. Every problem in every file is collected as "path:line: message";
/// if there is any, <see cref="SeedCatalogException"/> carries them all and nothing is returned.
/// </summary>
public static class SeedCatalogReader
{
    public static SeedCatalog Read(string root)
    {
        root = Path.GetFullPath(root);
        if (!Directory.Exists(root))
        {
            throw new SeedCatalogException([$"{root}: the catalog folder does not exist."]);
        }
        var context = new ReadContext(root);
        var industries = IndustryFiles.Read(context, Path.Combine(root, "industries.yaml"));
        var partners = context.Each("partners", PartnerFiles.Read);
        var models = context.Each("models", (c, f, y) => ListingFiles.Read(c, f, y, ListingKind.Model));
        var integrators = context.Each("integrators", (c, f, y) => ListingFiles.Read(c, f, y, ListingKind.Integrator));
        var hardware = context.Each("hardware", (c, f, y) => ListingFiles.Read(c, f, y, ListingKind.Hardware));
        var listings = models.Concat(integrators).Concat(hardware).ToList();
        CrossReferences.Check(context, industries, partners, listings);
        if (context.Errors.Count > 0)
        {
            throw new SeedCatalogException(context.Errors);
        }
        return new SeedCatalog(
            partners.Select(p => p.Partner).ToList(),
            industries,
            listings.Select(l => l.Listing).ToList());
    }
}

/// <summary>Where errors are collected, and how files are found and parsed.</summary>
internal sealed class ReadContext(string root)
{
    public List<string> Errors { get; } = [];

    public string Relative(string file) => Path.GetRelativePath(Path.GetDirectoryName(root)!, file).Replace('\\', '/');

    public List<T> Each<T>(string folder, Func<ReadContext, string, YamlFields, T?> read)
        where T : class
    {
        var directory = Path.Combine(root, folder);
        if (!Directory.Exists(directory))
        {
            Errors.Add($"{Relative(directory)}: the folder is missing.");
            return [];
        }
        var items = new List<T>();
        foreach (var file in Directory.GetFiles(directory, "*.yaml").Concat(Directory.GetFiles(directory, "*.yml")).Order(StringComparer.Ordinal))
        {
            if (Parse(file) is YamlMappingNode mapping && read(this, file, new YamlFields(mapping, Relative(file), Errors)) is { } item)
            {
                items.Add(item);
            }
            else if (Errors.Count == 0)
            {
                Errors.Add($"{Relative(file)}:1: the file must hold one mapping of keys to values.");
            }
        }
        return items;
    }

    public YamlDotNet.RepresentationModel.YamlNode? Parse(string file)
    {
        try
        {
            var stream = new YamlStream();
            using var reader = new StreamReader(file);
            stream.Load(reader);
            if (stream.Documents.Count != 1)
            {
                Errors.Add($"{Relative(file)}:1: the file must hold exactly one YAML document.");
                return null;
            }
            return stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            Errors.Add($"{Relative(file)}:{e.Start.Line}: not valid YAML: {e.Message}");
            return null;
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this on some malformed scalars without a position.
            Errors.Add($"{Relative(file)}:1: not valid YAML: {e.Message}");
            return null;
        }
    }

    /// <summary>File names are ids, so an id that disagrees with its file is an error.</summary>
    public string? Id(string file, YamlFields yaml)
    {
        var id = yaml.String("id", required: true, maxLength: 60);
        if (id is null)
        {
            return null;
        }
        if (!Domain.Common.Identifiers.LooksLike("x_" + id, "x") || id != Path.GetFileNameWithoutExtension(file))
        {
            yaml.ErrorAt("id", $"must be lower-case letters, digits and '-' and equal the file name ('{Path.GetFileNameWithoutExtension(file)}')");
            return null;
        }
        return id;
    }
}

internal sealed record ReadPartner(SeedPartner Partner, string File, int Line);

internal sealed record ReadListing(SeedListing Listing, string File, int Line, string PartnerId, IReadOnlyList<string> CertifiedModels, IReadOnlyList<string> CertifiedHardware);
