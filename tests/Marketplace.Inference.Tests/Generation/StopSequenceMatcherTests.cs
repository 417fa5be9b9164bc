using Marketplace.Inference.Generation;

namespace Marketplace.Inference.Tests.Generation;

public sealed class StopSequenceMatcherTests
{
    [Fact]
    public void Text_that_may_start_a_stop_sequence_waits_and_a_match_cuts_the_text()
    {
        var matcher = new StopSequenceMatcher(["</end>", "\n\n"]);

        Assert.Equal("Hello", matcher.Append("Hello"));
        Assert.Equal(" wor", matcher.Append(" wor"));
        Assert.Equal("ld", matcher.Append("ld</e"));
        Assert.Equal("", matcher.Append("nd> more"));
        Assert.True(matcher.Stopped);
        Assert.Equal("Hello world", matcher.Text);
        Assert.Equal("", matcher.Append("ignored"));
    }

    [Fact]
    public void A_false_start_is_released_when_the_text_goes_another_way()
    {
        var matcher = new StopSequenceMatcher(["abc"]);

        Assert.Equal("x", matcher.Append("xab"));
        Assert.Equal("abd", matcher.Append("d"));
        Assert.Equal("", matcher.Append("a"));
        Assert.Equal("a", matcher.Flush());
        Assert.False(matcher.Stopped);
        Assert.Equal("xabda", matcher.Text);
    }
}
