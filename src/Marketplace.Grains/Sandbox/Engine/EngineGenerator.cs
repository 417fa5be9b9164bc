using System.Runtime.CompilerServices;
using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Files;
using Marketplace.Abstractions.Sandbox;
using Marketplace.Domain.Sandbox;
using Marketplace.Inference.Execution;
using Marketplace.Inference.Generation;

namespace Marketplace.Grains.Sandbox.Engine;

/// <summary>
/// Sandbox generations on this process's <see cref="GenerationEngine"/> (one per process: its
/// schedulers batch every generation of a model on a device together). Engine errors become the
/// marketplace's own: a prompt that does not fit 400 naming "prompt", a model that cannot load 409.
/// </summary>
public sealed class EngineGenerator(GenerationEngine engine, IContentStore store, StoredTokenizers tokenizers) : ISandboxGenerator
{
    public async Task<PreparedGeneration> PrepareAsync(SandboxModel model, GenerationInput input, CancellationToken cancellationToken)
    {
        var decoder = DecoderFor(model);
        var description = await LoadAsync(decoder, cancellationToken);
        var context = description.ContextLength;
        var prompt = decoder.Tokenizer.Encode(input.Prompt);
        if (prompt.Count == 0)
        {
            throw new RequestValidationException("prompt", "The prompt has no tokens; write something for the model to continue.");
        }
        if (prompt.Count >= context)
        {
            throw new RequestValidationException("prompt",
                $"The prompt is {prompt.Count} tokens; this model's context holds {context}, so a prompt may have at most {context - 1} tokens to leave room for an answer.");
        }
        if (prompt.Any(id => id < 0 || id >= description.VocabularySize))
        {
            throw new RequestValidationException("prompt", $"The prompt has token ids outside the model's vocabulary of {description.VocabularySize}.");
        }
        return new PreparedGeneration(model, input, prompt, Math.Min(input.MaxNewTokens, context - prompt.Count));
    }

    public async Task<IGenerationRun> StartAsync(PreparedGeneration generation, CancellationToken cancellationToken)
    {
        var input = generation.Input;
        var request = new GenerationRequest
        {
            PromptTokenIds = generation.PromptTokens,
            MaxNewTokens = generation.MaxNewTokens,
            Sampling = new SamplingSettings { Temperature = (float)input.Temperature, TopP = (float)input.TopP, TopK = input.TopK, Seed = input.Seed },
            StopSequences = input.Stop,
            Deadline = input.Deadline,
        };
        try
        {
            return new Run(await engine.StartAsync(DecoderFor(generation.Model), request, cancellationToken));
        }
        catch (ContextLengthExceededException e)
        {
            throw new RequestValidationException("prompt", e.Message);
        }
        catch (InputRejectedException e)
        {
            throw new RequestValidationException("maxNewTokens", e.Message);
        }
        catch (ModelLoadException e)
        {
            throw Unavailable(e);
        }
    }

    private async Task<Inference.Validation.DecoderDescription> LoadAsync(DecoderModel decoder, CancellationToken cancellationToken)
    {
        try
        {
            return await engine.LoadAsync(decoder, cancellationToken: cancellationToken);
        }
        catch (ModelLoadException e)
        {
            throw Unavailable(e);
        }
    }

    private static ConflictException Unavailable(ModelLoadException e) =>
        new("sandbox.model_unavailable", "The model could not be loaded: " + e.Message);

    /// <summary>The decoder the engine runs for a model version: its stored file and its tokenizer with the listing's settings.</summary>
    public DecoderModel DecoderFor(SandboxModel model)
    {
        var files = model.Artifact.Tokenizer
            ?? throw new ConflictException("sandbox.no_tokenizer", "This text-generation model has no tokenizer yet (vocab.json and merges.txt, or tokenizer.model), so it cannot read a prompt.");
        var settings = model.Spec.AdapterSettings;
        return new DecoderModel
        {
            ArtifactPath = store.PathOf(model.Artifact.Sha256),
            Sha256 = model.Artifact.Sha256,
            Tokenizer = tokenizers.Load(files, settings),
            EndOfSequenceId = settings?.EndOfSequenceId,
        };
    }

    private sealed class Run(GenerationStream stream) : IGenerationRun
    {
        public Task<GenerationOutcome> Completion { get; } = OutcomeAsync(stream);

        public string DeviceKind => stream.Device.Kind;

        public async IAsyncEnumerable<GeneratedText> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var chunk in stream.ReadChunksAsync(cancellationToken))
            {
                yield return new GeneratedText(chunk.Text, chunk.TokenIds);
            }
        }

        public void Cancel() => stream.Cancel();

        private static async Task<GenerationOutcome> OutcomeAsync(GenerationStream stream)
        {
            var result = await stream.Completion;
            return new GenerationOutcome
            {
                Text = result.Text,
                Tokens = result.Tokens,
                FinishReason = result.FinishReason switch
                {
                    FinishReason.Stop => FinishReasons.Stop,
                    FinishReason.Deadline => FinishReasons.Deadline,
                    FinishReason.Cancelled => FinishReasons.Cancelled,
                    _ => FinishReasons.Length,
                },
                InputTokens = result.InputTokens,
                TimeToFirstTokenMs = result.TimeToFirstTokenMs,
                QueueMs = result.QueueMs,
                PrefillMs = result.PrefillMs,
                DecodeMs = result.DecodeMs,
                TotalMs = result.TotalMs,
                DecodeTokensPerSecond = result.DecodeTokensPerSecond,
                Seed = result.Seed,
                DeviceId = result.Device.Id,
                DeviceKind = result.Device.Kind,
                DeviceName = result.Device.Name,
                FallbackReason = result.FallbackReason,
            };
        }
    }
}
