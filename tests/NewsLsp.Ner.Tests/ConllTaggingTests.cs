namespace NewsLsp.Ner.Tests;

public class ConllTaggingTests
{
    private static string Run(string input)
    {
        var output = new StringWriter();
        ConllTagging.Run(new StringReader(input), output, NerModel.LoadDefault());
        return output.ToString();
    }

    private static List<List<string[]>> Parse(string text) =>
        text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(block => block.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t')).ToList())
            .ToList();

    [Fact]
    public void Token_only_input_gets_one_tag_per_token_and_blank_lines_between_sentences()
    {
        var output = Run("Il\npresidente\nMario\nDraghi\nè\na\nRoma\n.\n\n\n\nOggi\npiove\n.\n");
        Assert.EndsWith("\n\n", output);
        var sentences = Parse(output);
        Assert.Equal(2, sentences.Count);
        Assert.Equal(["Il", "presidente", "Mario", "Draghi", "è", "a", "Roma", "."], sentences[0].Select(l => l[0]));
        Assert.Equal(["Oggi", "piove", "."], sentences[1].Select(l => l[0]));
        Assert.All(sentences.SelectMany(s => s), line =>
        {
            Assert.Equal(2, line.Length);
            Assert.Contains(line[1], NerTags.All);
        });
    }

    [Fact]
    public void Tagged_input_is_retagged_and_extra_columns_dropped()
    {
        var output = Run("Il\tO\textra\nComune\tB-ORG\ndi\tO\nFirenze\tB-LOC\n.\tO\r\n");
        var sentences = Parse(output);
        Assert.Single(sentences);
        Assert.Equal(["Il", "Comune", "di", "Firenze", "."], sentences[0].Select(l => l[0]));
        Assert.All(sentences[0], line => Assert.Equal(2, line.Length));
    }

    [Fact]
    public void Output_reads_back_with_the_same_tokens_and_tags()
    {
        const string input = "La\nFiat\nha\nsede\na\nTorino\n.\n\nSergio\nMarchionne\nparla\n.\n";
        var output = Run(input);
        var reread = ConllReader.Read(new StringReader(output)).ToList();
        var original = ConllReader.Read(new StringReader(input)).ToList();
        Assert.Equal(original.Select(s => s.Tokens), reread.Select(s => s.Tokens));
        Assert.Equal(Run(output), output);
    }

    [Fact]
    public void Empty_input_writes_nothing()
    {
        Assert.Equal("", Run(""));
        Assert.Equal("", Run("\n\n"));
    }
}
