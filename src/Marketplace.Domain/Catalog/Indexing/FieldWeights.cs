namespace Marketplace.Domain.Catalog.Indexing;

/// <summary>
/// How much a query word counts for in each searched field: a hit in the name says more than one in
/// the summary. <see cref="TextMatch"/> keeps one bitset per level, so the levels are 1, 2 and 3.
/// </summary>
internal static class FieldWeights
{
    public const byte Name = 3;
    public const byte PartnerName = 2;
    public const byte Tags = 2;
    public const byte Task = 2;
    public const byte AcceleratorType = 2;
    public const byte Summary = 1;
    public const byte Industries = 1;
    public const byte Capabilities = 1;
    public const byte License = 1;
    public const byte Modality = 1;
}
