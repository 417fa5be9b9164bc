namespace Marketplace.Domain.Catalog;

/// <summary>One range facet value: <see cref="Lower"/> inclusive, <see cref="Upper"/> exclusive, no upper bound when null.</summary>
public sealed record FacetBucket(string Label, long Lower, long? Upper);
