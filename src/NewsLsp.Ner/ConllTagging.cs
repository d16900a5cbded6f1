namespace NewsLsp.Ner;

/// <summary>
/// Backs `newslsp ner --conll`: reads `token` or `token&lt;TAB&gt;anything` lines (blank line between sentences)
/// and writes `token&lt;TAB&gt;tag` lines with a blank line after each sentence. The whole input is tagged as one
/// document per recovered article, so document-level features work as they do on KIND files.
/// </summary>
public static class ConllTagging
{
    public static void Run(TextReader input, TextWriter output, NerModel model)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(model);
        var sentences = ConllReader.Read(input).ToList();
        foreach (var article in ArticleSplitter.Split(sentences))
        {
            var tags = model.Tag(article.Select(s => s.Tokens).ToList());
            for (var s = 0; s < article.Count; s++)
            {
                var tokens = article[s].Tokens;
                for (var i = 0; i < tokens.Count; i++)
                {
                    output.Write(tokens[i]);
                    output.Write('\t');
                    output.Write(tags[s][i]);
                    output.Write('\n');
                }
                output.Write('\n');
            }
        }
        output.Flush();
    }
}
