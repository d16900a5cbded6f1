using NewsLsp.Ner;

namespace NewsLsp.Ner.Tests;

/// <summary>
/// The gazetteer built from the embedded lists at start-up (lines hashed in place, keys merged after a sort) must be
/// the table the shipped model was trained with and carries in its file, key for key and flag for flag.
/// </summary>
public sealed class GazetteerBuildTests
{
    [Fact]
    public void The_embedded_lists_build_exactly_the_table_the_shipped_model_carries()
    {
        var shipped = NerModel.LoadDefault().Gazetteer.Entries().ToList();
        var built = GazetteerResources.LoadEmbedded().Entries().ToList();
        Assert.Equal(shipped.Count, built.Count);
        Assert.Equal(shipped, built);
    }

    [Fact]
    public void Lines_and_token_lists_give_the_same_table_however_the_lines_are_spaced()
    {
        (GazetteerCategory, string)[] lines =
        [
            (GazetteerCategory.WorldCity, "San Marino"),
            (GazetteerCategory.Country, "San  Marino "),          // doubled and trailing spaces
            (GazetteerCategory.ItalianPlace, " San Giovanni Rotondo"),
            (GazetteerCategory.Organisation, "a b c d e f g h"),    // eight tokens: kept
            (GazetteerCategory.Organisation, "a b c d e f g h i"),  // nine: skipped
            (GazetteerCategory.Surname, "   "),                    // no token: skipped
            (GazetteerCategory.GivenName, "D’Alema"),
        ];
        var fromTokens = Gazetteer.Build(lines.Select(l => (l.Item1, (IReadOnlyList<string>)l.Item2.Split(' ', StringSplitOptions.RemoveEmptyEntries))));
        var fromLines = Gazetteer.BuildFromLines(lines);
        Assert.Equal(fromTokens.Entries(), fromLines.Entries());
        // "san" (a prefix of three entries), "san marino" (two categories, one key), "san giovanni", "san giovanni rotondo",
        // the eight prefixes of "a … h", "d’alema".
        Assert.Equal(4 + 8 + 1, fromLines.TableSize);
    }
}
