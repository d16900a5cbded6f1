using NewsLsp.Ide.Rename;
using Xunit;

namespace NewsLsp.Tests.Ide;

public class EntityRenamerTests
{
    /// <summary>Applies the rule to one mention: the mention's text after the rename, or null when it is left alone.</summary>
    private static string? Renamed(string mention, string renamed, string newName)
    {
        if (EntityRenamer.Respell(mention, NameWords.Split(renamed), newName, NameWords.Split(newName)) is not var (span, text)) return null;
        return mention[..span.Start] + text + mention[span.End..];
    }

    [Theory]
    // Renaming a surname-only mention: the surname changes everywhere, given names stay.
    [InlineData("Zelenskyy", "Zelenskyy", "Zelenskij", "Zelenskij")]
    [InlineData("Zelensky", "Zelenskyy", "Zelenskij", "Zelenskij")]
    [InlineData("Volodymyr Zelenskyy", "Zelenskyy", "Zelenskij", "Volodymyr Zelenskij")]
    [InlineData("Volodymyr Zelenskyy", "Zelenskyy", "Volodymyr Zelenskij", "Volodymyr Zelenskij")]
    // Renaming a full name: full names become the new name, a lone surname takes the new surname.
    [InlineData("Volodymyr Zelenskyy", "Volodymyr Zelenskyy", "Volodymyr Zelenskij", "Volodymyr Zelenskij")]
    [InlineData("Volodymyr Zelensky", "Volodymyr Zelenskyy", "Volodymyr Zelenskij", "Volodymyr Zelenskij")]
    [InlineData("Zelenskyy", "Volodymyr Zelenskyy", "Volodymyr Zelenskij", "Zelenskij")]
    [InlineData("Zelenskyy", "Volodymyr Zelenskyy", "Zelenskij", "Zelenskij")]
    // A given-name variant keeps its given name.
    [InlineData("Mike Waltz", "Michael Waltz", "Michael Walz", "Mike Walz")]
    // The renamed form itself always becomes the new name, even a longer one.
    [InlineData("Trump", "Trump", "Donald J. Trump", "Donald J. Trump")]
    [InlineData("Donald Trump", "Trump", "Donald J. Trump", "Donald Trump")]
    public void Mentions_are_respelled_word_by_word_from_the_end(string mention, string renamed, string newName, string expected) =>
        Assert.Equal(expected, Renamed(mention, renamed, newName) ?? mention);

    [Theory]
    [InlineData("ZNPP", "Zaporizhzhia Nuclear Power Plant", "Centrale di Zaporizhzhia")]
    [InlineData("Volodymyr Zelenskyy", "Volodymyr", "Vladimir")]
    public void Mentions_sharing_no_trailing_word_are_left_alone(string mention, string renamed, string newName) =>
        Assert.Null(Renamed(mention, renamed, newName));

    [Fact]
    public void Only_the_changed_words_are_edited()
    {
        var (span, text) = EntityRenamer.Respell("Volodymyr Zelenskyy", NameWords.Split("Zelenskyy"), "Zelenskij", NameWords.Split("Zelenskij"))!.Value;
        Assert.Equal((10, 9, "Zelenskij"), (span.Start, span.Length, text));
    }
}
