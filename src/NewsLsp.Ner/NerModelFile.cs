using System.Buffers.Binary;
using System.IO.Compression;

namespace NewsLsp.Ner;

/// <summary>
/// Binary model format, Brotli-compressed: header (with the document-memory flag), transition matrix, the non-zero weight rows (bucket index as a
/// delta varint, 7 weights quantised to 16 bits against one scale), then the hashed gazetteer and word classes.
/// Why quantise and skip zero rows: most hash buckets are never touched, and 16 bits keep the argmax intact
/// while the shipped file stays a few MB.
/// </summary>
internal static class NerModelFile
{
    private const uint Magic = 0x4E455249; // "NERI"
    // 3: word classes after the gazetteer (2: 56 features per token, six gazetteer categories; 1: other features).
    private const int FormatVersion = 3;

    public static void Write(NerModel model, Stream stream)
    {
        // Quality 9 compresses within a few percent of the maximum (11) in a fraction of the time.
        using var compressed = new BrotliStream(stream, new BrotliCompressionOptions { Quality = 9 }, leaveOpen: true);
        using var writer = new BinaryWriter(compressed);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(model.BucketBits);
        writer.Write(NerTags.Count);
        writer.Write(model.UsesDocumentMemory);
        foreach (var value in model.Transitions) writer.Write(value);

        var weights = model.FloatWeights();
        var maxAbs = 0f;
        foreach (var value in weights) maxAbs = Math.Max(maxAbs, Math.Abs(value));
        var scale = maxAbs > 0 ? maxAbs / short.MaxValue : 1f;
        writer.Write(scale);

        var rows = weights.Length / NerTags.Count;
        var nonZeroRows = 0;
        for (var row = 0; row < rows; row++)
        {
            if (!IsZeroRow(weights, row, scale)) nonZeroRows++;
        }
        writer.Write(nonZeroRows);
        var previousRow = -1;
        for (var row = 0; row < rows; row++)
        {
            if (IsZeroRow(weights, row, scale)) continue;
            writer.Write7BitEncodedInt(row - previousRow);
            previousRow = row;
            for (var t = 0; t < NerTags.Count; t++) writer.Write(Quantise(weights[row * NerTags.Count + t], scale));
        }
        model.Gazetteer.Write(writer);
        model.Clusters.Write(writer);
    }

    public static NerModel Read(Stream stream)
    {
        using var decompressed = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var buffered = new BufferedStream(decompressed, 1 << 16);
        using var reader = new BinaryReader(buffered);
        if (reader.ReadUInt32() != Magic) throw new InvalidDataException("Not a NewsLsp NER model file.");
        var version = reader.ReadInt32();
        if (version != FormatVersion) throw new InvalidDataException($"Unsupported NER model format version {version}.");
        var bucketBits = reader.ReadInt32();
        var tagCount = reader.ReadInt32();
        var usesDocumentMemory = reader.ReadBoolean();
        if (tagCount != NerTags.Count || bucketBits is < 8 or > 26) throw new InvalidDataException("Corrupt NER model header.");
        var transitions = new float[(tagCount + 1) * tagCount];
        for (var i = 0; i < transitions.Length; i++) transitions[i] = reader.ReadSingle();

        var weights = new QuantisedWeights(bucketBits, reader.ReadSingle());
        var nonZeroRows = reader.ReadInt32();
        var row = -1;
        Span<short> rowWeights = stackalloc short[tagCount];
        Span<byte> rowBytes = stackalloc byte[tagCount * sizeof(short)];
        for (var r = 0; r < nonZeroRows; r++)
        {
            row += reader.Read7BitEncodedInt();
            // A row's weights in one read (seven calls per row were a tenth of loading the model).
            reader.BaseStream.ReadExactly(rowBytes); // a BinaryReader reads nothing ahead of what it was asked for
            for (var t = 0; t < tagCount; t++) rowWeights[t] = BinaryPrimitives.ReadInt16LittleEndian(rowBytes[(t * sizeof(short))..]);
            weights.SetRow(row, rowWeights);
        }
        var gazetteer = Gazetteer.Read(reader);
        var clusters = WordClusters.Read(reader);
        return new NerModel(weights, transitions, gazetteer, clusters, usesDocumentMemory);
    }

    private static bool IsZeroRow(ReadOnlySpan<float> weights, int row, float scale)
    {
        for (var t = 0; t < NerTags.Count; t++)
        {
            if (Quantise(weights[row * NerTags.Count + t], scale) != 0) return false;
        }
        return true;
    }

    private static short Quantise(float value, float scale) =>
        (short)Math.Clamp(MathF.Round(value / scale), short.MinValue + 1, short.MaxValue);
}
