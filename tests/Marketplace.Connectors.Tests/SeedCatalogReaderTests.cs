using Marketplace.Connectors.CatalogFiles;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Testing;

namespace Marketplace.Connectors.Tests;

public sealed class SeedCatalogReaderTests : IDisposable
{
    private static readonly string CatalogRoot = Path.Combine(RepositoryPaths.Root, "catalog");
    private readonly TempDirectory _copy = new("catalog");

    [Fact]
    public void The_repository_catalog_reads_without_errors_and_has_what_the_seed_requires()
    {
        var catalog = SeedCatalogReader.Read(CatalogRoot);

        Assert.True(catalog.Partners.Count >= 8);
        Assert.Equal(12, catalog.Listings.Count(l => l.Content.Kind == ListingKind.Model));
        Assert.Equal(10, catalog.Listings.Count(l => l.Content.Kind == ListingKind.Integrator));
        Assert.Equal(12, catalog.Listings.Count(l => l.Content.Kind == ListingKind.Hardware));
        Assert.True(catalog.Listings.Where(l => l.Content.Kind == ListingKind.Integrator).SelectMany(l => l.Content.Industries).Distinct().Count() >= 6);
        Assert.True(catalog.Industries.Count >= 6);
        Assert.All(catalog.Industries, i => Assert.NotEmpty(i.Scenarios));
        Assert.All(catalog.Partners, p => Assert.StartsWith("org_", p.OrganizationId));
        Assert.All(catalog.Listings, l => Assert.StartsWith("lst_", l.ListingId));
        var tasks = catalog.Listings.Where(l => l.Content.Model is not null).Select(l => l.Content.Model!.Task).ToHashSet();
        Assert.Contains("text-embedding", tasks);
        Assert.Contains("image-classification", tasks);
        Assert.Contains("text-classification", tasks);
        Assert.All(catalog.Listings.Where(l => l.Content.Kind != ListingKind.Integrator), l => Assert.NotEmpty(l.Content.Sources));
    }

    [Fact]
    public void The_mandatory_sandbox_models_declare_the_tensors_of_their_onnx_files()
    {
        var catalog = SeedCatalogReader.Read(CatalogRoot);

        var miniLm = catalog.Listings.Single(l => l.Id == "all-minilm-l6-v2").Content.Model!;
        Assert.Equal(["input_ids", "attention_mask", "token_type_ids"], miniLm.Inputs.Select(i => i.Name));
        Assert.Equal([-1L, -1, 384], miniLm.Outputs.Single().Shape);
        var resNet = catalog.Listings.Single(l => l.Id == "resnet-18-featurizer").Content.Model!;
        Assert.Equal("Input247", resNet.Inputs.Single().Name);
        Assert.Equal([1L, 3, 224, 224], resNet.Inputs.Single().Shape);
        Assert.Equal("Pooling395_Output_0", resNet.Outputs.Single().Name);
    }

    [Fact]
    public void Reading_twice_gives_equal_catalogs()
    {
        var first = SeedCatalogReader.Read(CatalogRoot);
        var second = SeedCatalogReader.Read(CatalogRoot);

        Assert.Equal(first.Listings.Select(l => l.Content with { }), second.Listings.Select(l => l.Content with { }), new ContentComparer());
    }

    [Theory]
    [InlineData("models/all-minilm-l6-v2.yaml", "parameterCount: 22713216", "parameterCount: lots", "catalog/models/all-minilm-l6-v2.yaml", "'parameterCount' must be a whole number")]
    [InlineData("models/all-minilm-l6-v2.yaml", "task: text-embedding", "task: text-embedding\nflavour: vanilla", "catalog/models/all-minilm-l6-v2.yaml", "unknown key 'flavour'")]
    [InlineData("models/all-minilm-l6-v2.yaml", "partner: lumen-ai-labs", "partner: nobody", "catalog/models/all-minilm-l6-v2.yaml", "partner 'nobody' is not in catalog/partners")]
    [InlineData("hardware/orbit-hx8-h200.yaml", "acceleratorCount: 8", "acceleratorCount: [8", "catalog/hardware/orbit-hx8-h200.yaml", "not valid YAML")]
    [InlineData("partners/lumen-ai-labs.yaml", "fictional: true", "fictional: false", "catalog/partners/lumen-ai-labs.yaml", "must be true")]
    [InlineData("models/all-minilm-l6-v2.yaml", "task: text-embedding", "task: sentiment-vibes", "catalog/models/all-minilm-l6-v2.yaml", "'task' holds 'sentiment-vibes'; use one of text-embedding, ")]
    [InlineData("models/all-minilm-l6-v2.yaml", "precision: fp32", "precision: fp7", "catalog/models/all-minilm-l6-v2.yaml", "'precision' holds 'fp7'; use one of fp32, fp16, bf16, fp8, int8, int4")]
    [InlineData("hardware/orbit-hx8-h200.yaml", "regions: [", "regions: [Narnia, ", "catalog/hardware/orbit-hx8-h200.yaml", "'regions' holds 'Narnia'; use GLOBAL or an ISO 3166-1 alpha-2 country code")]
    public void An_invalid_file_is_rejected_with_its_path_and_line(string file, string find, string replace, string expectedPath, string expectedMessage)
    {
        CopyCatalog();
        var path = Path.Combine(_copy.Path, "catalog", file);
        var original = File.ReadAllText(path);
        Assert.Contains(find, original);
        File.WriteAllText(path, original.Replace(find, replace));
        var line = original[..original.IndexOf(find, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var error = Assert.Throws<SeedCatalogException>(() => SeedCatalogReader.Read(Path.Combine(_copy.Path, "catalog")));

        var reported = Assert.Single(error.Errors, e => e.Contains(expectedMessage, StringComparison.Ordinal));
        Assert.StartsWith(expectedPath + ":", reported);
        var reportedLine = int.Parse(reported.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(reportedLine, 1, line + 1);
    }

    [Fact]
    public void A_missing_required_field_names_the_field()
    {
        CopyCatalog();
        var path = Path.Combine(_copy.Path, "catalog", "integrators", "tessel-line-inspection.yaml");
        File.WriteAllLines(path, File.ReadAllLines(path).Where(l => !l.StartsWith("name:", StringComparison.Ordinal)));

        var error = Assert.Throws<SeedCatalogException>(() => SeedCatalogReader.Read(Path.Combine(_copy.Path, "catalog")));

        Assert.Contains(error.Errors, e => e.StartsWith("catalog/integrators/tessel-line-inspection.yaml:1:", StringComparison.Ordinal) && e.Contains("'name' is required", StringComparison.Ordinal));
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_reported_at_its_line()
    {
        CopyCatalog();
        var path = Path.Combine(_copy.Path, "catalog", "hardware", "orbit-hx8-h200.yaml");
        var lines = File.ReadAllLines(path);
        var line = Array.FindIndex(lines, l => l.StartsWith("acceleratorCount:", StringComparison.Ordinal));
        lines[line] = "acceleratorCount: eight";
        File.WriteAllLines(path, lines);

        var error = Assert.Throws<SeedCatalogException>(() => SeedCatalogReader.Read(Path.Combine(_copy.Path, "catalog")));

        Assert.Contains(error.Errors, e => e.StartsWith($"catalog/hardware/orbit-hx8-h200.yaml:{line + 1}:", StringComparison.Ordinal) && e.Contains("acceleratorCount", StringComparison.Ordinal));
    }

    [Fact]
    public void Broken_yaml_is_reported_at_its_line_and_the_other_files_still_checked()
    {
        CopyCatalog();
        var broken = Path.Combine(_copy.Path, "catalog", "models", "yolov8s.yaml");
        File.AppendAllText(broken, "tags: [unclosed\n");
        var lineCount = File.ReadAllLines(broken).Length;
        var incomplete = Path.Combine(_copy.Path, "catalog", "integrators", "tessel-line-inspection.yaml");
        File.WriteAllLines(incomplete, File.ReadAllLines(incomplete).Where(l => !l.StartsWith("name:", StringComparison.Ordinal)));

        var error = Assert.Throws<SeedCatalogException>(() => SeedCatalogReader.Read(Path.Combine(_copy.Path, "catalog")));

        Assert.Contains(error.Errors, e => e.StartsWith("catalog/models/yolov8s.yaml:", StringComparison.Ordinal)
            && int.Parse(e.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture) >= lineCount);
        Assert.Contains(error.Errors, e => e.StartsWith("catalog/integrators/tessel-line-inspection.yaml:", StringComparison.Ordinal));
    }

    public void Dispose() => _copy.Dispose();

    private void CopyCatalog()
    {
        foreach (var file in Directory.GetFiles(CatalogRoot, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_copy.Path, "catalog", Path.GetRelativePath(CatalogRoot, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private sealed class ContentComparer : IEqualityComparer<ListingContent>
    {
        public bool Equals(ListingContent? x, ListingContent? y) =>
            System.Text.Json.JsonSerializer.Serialize(x) == System.Text.Json.JsonSerializer.Serialize(y);

        public int GetHashCode(ListingContent obj) => 0;
    }
}
