namespace Marketplace.Portal.Pages.Catalog;

/// <summary>One checkbox in a facet panel: the value sent in the query, what people read, how many results it gives.</summary>
public sealed record FacetValue(string Value, string Label, int Count, bool Selected);
