using Xunit;

namespace NewsLsp.Tests.Analysis;

public class SuppressionTests
{
    private const string Unclosed = "Ha detto: “Non ci sarà alcun accordo.";

    [Fact]
    public void Disable_next_line_suppresses_only_that_line_and_rule()
    {
        var text = $"Titolo\n<!-- newslsp-disable-next-line NEWS001 -->\n{Unclosed}\n{Unclosed}\n";
        var diagnostics = Articles.Diagnostics(text, "NEWS001");
        Assert.Equal(3, Assert.Single(diagnostics).Range.Start.Line);
    }

    [Fact]
    public void Disable_line_at_the_end_of_a_line()
    {
        Assert.Empty(Articles.Diagnostics($"Titolo\n{Unclosed} <!-- newslsp-disable-line NEWS001 -->\n", "NEWS001"));
    }

    [Fact]
    public void Region_disable_and_enable()
    {
        var text = $"Titolo\n<!-- newslsp-disable NEWS001 -->\n{Unclosed}\n<!-- newslsp-enable NEWS001 -->\n{Unclosed}\n";
        Assert.Equal(4, Assert.Single(Articles.Diagnostics(text, "NEWS001")).Range.Start.Line);
    }

    [Fact]
    public void Disable_without_ids_suppresses_every_rule_and_other_ids_do_not()
    {
        Assert.Empty(Articles.Diagnostics($"Titolo\n<!-- newslsp-disable -->\n{Unclosed}\n![foto](a.jpg)\n"));
        Assert.Single(Articles.Diagnostics($"Titolo\n<!-- newslsp-disable-next-line NEWS004 -->\n{Unclosed}\n", "NEWS001"));
    }
}
