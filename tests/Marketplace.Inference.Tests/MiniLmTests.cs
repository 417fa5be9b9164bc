using Marketplace.Inference.Execution;
using Marketplace.Inference.Models;

namespace Marketplace.Inference.Tests;

[Collection(RealModelCollection.Name)]
public sealed class MiniLmTests(RealModelFixture fixture)
{
    /// <summary>(anchor, paraphrase, unrelated) written for this test.</summary>
    public static readonly TheoryData<string, string, string> Triples = new()
    {
        { "The cat is sleeping on the sofa.", "A cat naps on the couch.", "Interest rates rose by half a percent." },
        { "How do I reset my password?", "What are the steps to change my login password?", "The recipe needs two cups of flour." },
        { "The train to Berlin was delayed by an hour.", "Our Berlin train arrived sixty minutes late.", "She planted tomatoes in her garden." },
        { "He bought a new laptop for work.", "He purchased a new notebook computer for his job.", "The river flooded the village last spring." },
        { "The weather is very cold today.", "It is freezing outside this morning.", "The museum opens a new exhibition on Monday." },
        { "The company reported record profits this quarter.", "The firm's quarterly earnings hit an all-time high.", "My grandmother knits warm sweaters." },
        { "The patient was given antibiotics for the infection.", "Doctors treated the infection with antibiotics.", "The football match ended in a draw." },
        { "Please close the window, it is noisy.", "Could you shut the window? There is too much noise.", "Quantum computers use qubits." },
        { "The children are playing football in the park.", "Kids are kicking a ball around in the park.", "The tax deadline is in April." },
        { "I am learning to play the piano.", "I'm taking piano lessons.", "The bridge was closed for repairs." },
        { "The restaurant serves excellent Italian food.", "That restaurant has great Italian dishes.", "The satellite orbits the Earth every 90 minutes." },
        { "The meeting has been moved to Thursday.", "We rescheduled the meeting for Thursday.", "Penguins live in the Southern Hemisphere." },
        { "She runs five kilometres every morning.", "Every morning she goes for a 5 km run.", "The printer is out of ink." },
        { "The factory increased production of electric cars.", "The plant is building more electric vehicles.", "He wrote a poem about the sea." },
        { "The flight was cancelled because of the storm.", "The storm caused the airline to cancel the flight.", "I prefer green tea to coffee." },
        { "The server crashed after the software update.", "After the update, the server went down.", "The orchestra played a symphony by Brahms." },
        { "My phone battery dies very quickly.", "The battery on my phone drains fast.", "The senator gave a speech about healthcare." },
        { "The bank approved the mortgage application.", "The mortgage request was accepted by the bank.", "Butterflies migrate thousands of miles." },
        { "The dog barked at the mailman.", "The mail carrier was barked at by the dog.", "The spreadsheet has a formula error." },
        { "Students must submit their essays by Friday.", "Essays are due from the students on Friday.", "The volcano erupted without warning." },
        { "The hospital needs more nurses.", "There is a shortage of nurses at the hospital.", "The chess tournament starts tomorrow." },
        { "Turn left at the next traffic light.", "At the next set of lights, take a left.", "Solar panels convert sunlight into electricity." },
    };

    [Fact]
    public async Task Embeddings_are_unit_length_with_384_dimensions()
    {
        var result = await fixture.Engine.RunAsync(fixture.MiniLm, ModelInput.FromText("A sentence to embed."));

        Assert.Equal(384, result.Embedding!.Length);
        Assert.Equal(1.0, Math.Sqrt(result.Embedding.Sum(v => (double)v * v)), 5);
        Assert.Equal("cpu", result.Device.Id);
    }

    [Fact]
    public async Task Embedding_equals_mean_pooling_over_the_attention_mask_of_the_raw_hidden_state()
    {
        const string text = "Mean pooling averages the token vectors the mask marks as real.";
        var raw = fixture.MiniLm with { Output = new OutputSettings { Kind = OutputKind.Tensors }, Sha256 = fixture.MiniLm.Sha256 + "-raw" };

        var embedding = (await fixture.Engine.RunAsync(fixture.MiniLm, ModelInput.FromText(text))).Embedding!;
        var hidden = (await fixture.Engine.RunAsync(raw, ModelInput.FromText(text), new InferenceRequestOptions { AllowBatching = false })).Tensors!
            .Single(t => t.Name == "last_hidden_state");

        // One text, so every token is real: the mask is all ones and pooling is the plain mean.
        var tokens = (int)hidden.Shape[1];
        var width = (int)hidden.Shape[2];
        var expected = new double[width];
        for (var t = 0; t < tokens; t++)
        {
            for (var h = 0; h < width; h++)
            {
                expected[h] += hidden.Data[(t * width) + h] / tokens;
            }
        }
        var norm = Math.Sqrt(expected.Sum(v => v * v));
        for (var h = 0; h < width; h++)
        {
            Assert.Equal(expected[h] / norm, embedding[h], 5);
        }
    }

    [Fact]
    public async Task Padding_in_a_batch_does_not_change_an_embedding()
    {
        var batched = fixture.MiniLm with { Batching = new BatchingSettings { MaxBatch = 2, MaxDelay = TimeSpan.FromSeconds(30) }, Sha256 = fixture.MiniLm.Sha256 + "-pairs" };
        const string shortText = "Short.";
        const string longText = "A much longer sentence that has many more tokens than the short one beside it.";

        var alone = (await fixture.Engine.RunAsync(fixture.MiniLm, ModelInput.FromText(shortText), new InferenceRequestOptions { AllowBatching = false })).Embedding!;
        var pair = await Task.WhenAll(
            fixture.Engine.RunAsync(batched, ModelInput.FromText(shortText)),
            fixture.Engine.RunAsync(batched, ModelInput.FromText(longText)));

        Assert.All(pair, r => Assert.Equal(2, r.BatchSize));
        for (var h = 0; h < alone.Length; h++)
        {
            Assert.Equal(alone[h], pair[0].Embedding![h], 4);
        }
    }

    [Fact]
    public async Task Paraphrases_rank_above_unrelated_sentences_on_every_triple()
    {
        Assert.True(Triples.Count >= 20);
        foreach (var row in Triples)
        {
            var (anchor, paraphrase, unrelated) = ((string)row[0], (string)row[1], (string)row[2]);
            var vectors = await Task.WhenAll(new[] { anchor, paraphrase, unrelated }
                .Select(t => fixture.Engine.RunAsync(fixture.MiniLm, ModelInput.FromText(t))));
            var a = vectors[0].Embedding!;
            var similar = Cosine(a, vectors[1].Embedding!);
            var different = Cosine(a, vectors[2].Embedding!);
            Assert.True(similar > different, $"'{anchor}': paraphrase {similar:0.000} vs unrelated {different:0.000}");
        }
    }

    [Fact]
    public async Task Long_texts_are_truncated_to_the_token_budget()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 1000));

        var result = await fixture.Engine.RunAsync(fixture.MiniLm with { Output = new OutputSettings { Kind = OutputKind.Tensors }, Sha256 = fixture.MiniLm.Sha256 + "-raw" },
            ModelInput.FromText(text), new InferenceRequestOptions { AllowBatching = false });

        Assert.Equal([1L, 256L, 384L], result.Tensors!.Single(t => t.Name == "last_hidden_state").Shape);
    }

    private static double Cosine(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();
}
