using System.Text;
using Marketplace.Inference.Generation;

namespace Marketplace.Inference.Tests.Generation;

public sealed class TokenizerTests
{
    [Fact]
    public void The_256_byte_vocabulary_without_merges_is_a_byte_tokenizer()
    {
        var tokenizer = DecoderFixtures.ByteTokenizer();
        const string Text = "Hé llo €!\n  two";

        var ids = tokenizer.Encode(Text);

        Assert.Equal(Encoding.UTF8.GetBytes(Text).Select(b => (int)b), ids);
        Assert.Equal(Text, tokenizer.Decode(ids));
        Assert.Equal(256, tokenizer.VocabularySize);
        Assert.Null(tokenizer.EndOfSequenceId);
    }

    [Fact]
    public void The_built_in_byte_alphabet_matches_the_files()
    {
        var fromFiles = DecoderFixtures.ByteTokenizer();
        var builtIn = ByteLevelBpeTokenizer.ByteAlphabet();
        const string Text = "tab\t, nbsp\u00a0, soft hyphen\u00ad, ÿ and 😀";

        Assert.Equal(fromFiles.Encode(Text), builtIn.Encode(Text));
        Assert.Equal(Text, builtIn.Decode(builtIn.Encode(Text)));
    }

    [Fact]
    public void Merges_apply_by_rank_and_the_GPT2_end_of_text_token_is_special()
    {
        var tokenizer = DecoderFixtures.ByteTokenizer(
            extra: [("ll", 256), ("Ġl", 257), ("Ġll", 258), ("<|endoftext|>", 259)],
            merges: ["Ġ l", "Ġl l", "l l"]);

        Assert.Equal([104, 101, 256, 111, 258, 97, 109, 97], tokenizer.Encode("hello llama"));
        Assert.Equal([97, 259, 98], tokenizer.Encode("a<|endoftext|>b"));
        Assert.Equal("ab", tokenizer.Decode([97, 259, 98]));
        Assert.Equal(259, tokenizer.EndOfSequenceId);
        Assert.Equal(260, tokenizer.VocabularySize);
    }

    [Fact]
    public void Broken_files_are_refused_with_what_is_wrong()
    {
        var notJson = Assert.Throws<TokenizerLoadException>(() => ByteLevelBpeTokenizer.Load(new MemoryStream("[1,2]"u8.ToArray()), new MemoryStream()));
        var badMerge = Assert.Throws<TokenizerLoadException>(() => ByteLevelBpeTokenizer.Load(new MemoryStream("{\"a\":0}"u8.ToArray()), new MemoryStream("#version: 0.2\na b c"u8.ToArray())));

        Assert.StartsWith("vocab.json is not a JSON object of token → id", notJson.Message, StringComparison.Ordinal);
        Assert.Equal("merges.txt line 2 is not two tokens separated by one space", badMerge.Message);
    }

    [Fact]
    public void Streamed_text_never_splits_a_character_over_its_tokens()
    {
        var tokenizer = DecoderFixtures.ByteTokenizer();
        const string Text = "né€😀x";
        var detokenizer = new StreamingDetokenizer(tokenizer, tokenizer.Encode("prompt "));

        var pieces = tokenizer.Encode(Text).Select(detokenizer.Append).ToList();

        Assert.Equal(["n", "", "é", "", "", "€", "", "", "", "😀", "x"], pieces);
        Assert.Equal("", detokenizer.Flush());
    }

    [Fact]
    public void A_character_cut_off_at_the_end_is_flushed_as_it_decodes()
    {
        var tokenizer = DecoderFixtures.ByteTokenizer();
        var detokenizer = new StreamingDetokenizer(tokenizer);

        Assert.Equal("a", detokenizer.Append('a'));
        Assert.Equal("", detokenizer.Append(0xE2));
        Assert.Equal("\uFFFD", detokenizer.Flush());
    }

    [Fact]
    public void A_SentencePiece_model_written_in_code_encodes_decodes_and_streams_word_spaces()
    {
        var tokenizer = SentencePieceTextTokenizer.Load(new MemoryStream(SentencePieceModels.HelloWorld()));

        var ids = tokenizer.Encode("hello world");
        var detokenizer = new StreamingDetokenizer(tokenizer, tokenizer.Encode("hello"));
        var streamed = string.Concat(tokenizer.Encode("world hé").Skip(1).Select(detokenizer.Append)) + detokenizer.Flush();

        // <s>, "▁hello", then "▁" w o r l d: pieces the model lacks ("▁w…") fall back to single characters.
        Assert.Equal([1, 268, 259, 269, 263, 270, 262, 271], ids);
        Assert.Equal("hello world", tokenizer.Decode(ids));
        Assert.Equal(" world hé", streamed);
        Assert.Equal(2, tokenizer.EndOfSequenceId);
    }

    [Fact]
    public void A_file_that_is_not_a_SentencePiece_model_is_refused()
    {
        Assert.Throws<TokenizerLoadException>(() => SentencePieceTextTokenizer.Load(new MemoryStream([0xFF, 0x01, 0x02])));
    }
}
