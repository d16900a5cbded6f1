using NewsLsp.Analysis.Agreement;
using Xunit;

namespace NewsLsp.Tests.Agreement;

public sealed class SharedStringsTests
{
    [Fact]
    public void A_repeated_word_is_the_first_instance()
    {
        var first = SharedStrings.Share(new string("dichiarazione".AsSpan()));
        var again = SharedStrings.Share(new string("dichiarazione".AsSpan()));
        Assert.Same(first, again);
    }

    [Fact]
    public void Every_answer_equals_its_input_even_when_the_table_overflows()
    {
        // Far more distinct strings than slots: collisions replace, and no answer may be another string.
        for (var i = 0; i < 400_000; i++)
        {
            var word = "parola" + i;
            Assert.Equal(word, SharedStrings.Share(word));
        }
        var recent = SharedStrings.Share(new string("parola399999".AsSpan()));
        Assert.Equal("parola399999", recent);
    }

    [Fact]
    public void A_word_evicted_by_a_collision_is_shared_again_afterwards()
    {
        for (var i = 0; i < 300_000; i++) SharedStrings.Share("riempitivo" + i);
        var first = SharedStrings.Share(new string("guerra".AsSpan()));
        Assert.Same(first, SharedStrings.Share(new string("guerra".AsSpan())));
    }
}
