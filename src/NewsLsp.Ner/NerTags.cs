namespace NewsLsp.Ner;

/// <summary>The BIO tag set of KIND / NERMuD and the transitions it allows.</summary>
public static class NerTags
{
    public const string Outside = "O";

    /// <summary>Tag order is part of the model file format: never reorder.</summary>
    public static IReadOnlyList<string> All { get; } = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"];

    public static int Count => 7;

    public static IReadOnlyList<string> EntityTypes { get; } = ["PER", "LOC", "ORG"];

    /// <summary>Index of a tag in <see cref="All"/>; unknown tags (e.g. other corpora's MISC) count as O.</summary>
    public static int IndexOf(string tag) => tag switch
    {
        "B-PER" => 1,
        "I-PER" => 2,
        "B-LOC" => 3,
        "I-LOC" => 4,
        "B-ORG" => 5,
        "I-ORG" => 6,
        _ => 0,
    };

    public static bool IsInside(int tag) => tag != 0 && tag % 2 == 0;

    public static bool IsBegin(int tag) => tag % 2 == 1;

    /// <summary>Entity type index 0..2 (PER, LOC, ORG) of a B-/I- tag, -1 for O.</summary>
    public static int TypeOf(int tag) => tag == 0 ? -1 : (tag - 1) / 2;

    /// <summary>Entity type name (PER/LOC/ORG) of a tag string, or null for O.</summary>
    public static string? TypeOf(string tag) => tag.Length > 2 && tag[1] == '-' ? tag[2..] : null;

    /// <summary>
    /// An I- tag may only continue an entity of the same type; this keeps every decoded sequence well-formed BIO.
    /// <paramref name="previous"/> is -1 at the start of a sentence.
    /// </summary>
    public static bool IsAllowed(int previous, int next) =>
        !IsInside(next) || (previous > 0 && TypeOf(previous) == TypeOf(next));
}
