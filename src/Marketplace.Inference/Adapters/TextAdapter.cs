using Marketplace.Inference.Execution;
using Marketplace.Inference.Models;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.ML.Tokenizers;

namespace Marketplace.Inference.Adapters;

/// <summary>
/// BERT WordPiece input: [CLS] tokens [SEP] as input_ids, ones as attention_mask, zeros as
/// token_type_ids, for models that take any subset of those three (by name).
/// </summary>
internal sealed class TextAdapter : IInputAdapter
{
    private enum Role
    {
        Ids,
        Mask,
        TokenTypes,
    }

    private readonly TextAdapterSettings _settings;
    private readonly BertTokenizer _tokenizer;
    private readonly (Role Role, TensorElementType Type)[] _inputs;

    public TextAdapter(TextAdapterSettings settings, IReadOnlyList<TensorInfo> inputs)
    {
        if (settings.MaxTokens < 2)
        {
            throw new ModelLoadException("the text adapter needs room for at least [CLS] and [SEP]");
        }
        _settings = settings;
        _tokenizer = BertTokenizer.Create(settings.VocabPath, new BertOptions
        {
            LowerCaseBeforeTokenization = settings.LowerCase,
            // Uncased BERT vocabularies are accent-free: the reference tokenizer strips accents when it lower-cases.
            RemoveNonSpacingMarks = settings.LowerCase,
        });
        _inputs = inputs.Select(i => (RoleOf(i.Name), Check(i))).ToArray();
    }

    public PreparedRow Prepare(ModelInput input, InputLimits limits)
    {
        if (input is not TextInput { Text: var text })
        {
            throw new InputRejectedException("this model takes text");
        }
        if (text.Length > limits.MaxTextChars)
        {
            throw new InputRejectedException($"the text has {text.Length} characters; the limit is {limits.MaxTextChars}");
        }
        var ids = Tokenize(text);
        var length = ids.Count;
        var mask = new long[length];
        Array.Fill(mask, 1L);
        var data = new Array[_inputs.Length];
        var shapes = new long[_inputs.Length][];
        for (var i = 0; i < _inputs.Length; i++)
        {
            var (role, type) = _inputs[i];
            shapes[i] = [1, length];
            data[i] = role switch
            {
                Role.Ids => Fill(type, length, k => ids[k]),
                Role.Mask => Fill(type, length, _ => 1),
                _ => Fill(type, length, _ => 0),
            };
        }
        return new PreparedRow { Data = data, Shapes = shapes, BatchKey = "text", PadSequences = true, AttentionMask = mask };
    }

    private IReadOnlyList<int> Tokenize(string text)
    {
        if (_settings.Truncate)
        {
            return _tokenizer.EncodeToIds(text, _settings.MaxTokens, addSpecialTokens: true, out _, out _, considerPreTokenization: true, considerNormalization: true);
        }
        var ids = _tokenizer.EncodeToIds(text, addSpecialTokens: true, considerPreTokenization: true, considerNormalization: true);
        if (ids.Count > _settings.MaxTokens)
        {
            throw new InputRejectedException($"the text has {ids.Count} tokens; this model takes at most {_settings.MaxTokens}");
        }
        return ids;
    }

    private static Array Fill(TensorElementType type, int length, Func<int, long> value)
    {
        if (type == TensorElementType.Int32)
        {
            var ints = new int[length];
            for (var k = 0; k < length; k++)
            {
                ints[k] = (int)value(k);
            }
            return ints;
        }
        var longs = new long[length];
        for (var k = 0; k < length; k++)
        {
            longs[k] = value(k);
        }
        return longs;
    }

    private static Role RoleOf(string name) =>
        name.Contains("input_ids", StringComparison.OrdinalIgnoreCase) ? Role.Ids
        : name.Contains("attention_mask", StringComparison.OrdinalIgnoreCase) || name.Contains("input_mask", StringComparison.OrdinalIgnoreCase) ? Role.Mask
        : name.Contains("token_type", StringComparison.OrdinalIgnoreCase) || name.Contains("segment", StringComparison.OrdinalIgnoreCase) ? Role.TokenTypes
        : throw new ModelLoadException($"the text adapter cannot feed model input '{name}' (expected input_ids, attention_mask, token_type_ids)");

    private static TensorElementType Check(TensorInfo input)
    {
        if (input.ElementType is not (TensorElementType.Int64 or TensorElementType.Int32) || input.Dims.Length != 2)
        {
            throw new ModelLoadException($"the text adapter needs int64 or int32 [batch, tokens] inputs; '{input.Name}' is not");
        }
        return input.ElementType;
    }
}
