namespace Marketplace.Storage.Tests;

[GenerateSerializer, Alias("Marketplace.Storage.Tests.TestState")]
public sealed class TestState
{
    [Id(0)]
    public string Text { get; set; } = "";

    [Id(1)]
    public List<int> Numbers { get; set; } = [];
}
