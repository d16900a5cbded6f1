namespace NewsLsp.Ner.Tests;

public class SequenceHashTableTests
{
    [Fact]
    public void Finds_every_key_added_and_nothing_else()
    {
        var random = new Random(7);
        var entries = new Dictionary<ulong, ushort>();
        while (entries.Count < 5000) entries[(ulong)random.NextInt64() * 3 + (ulong)random.Next(3)] = (ushort)random.Next(1, ushort.MaxValue);
        var table = SequenceHashTable.From(entries);

        foreach (var (key, flags) in entries) Assert.Equal(flags, table.Find(key));
        var absentFound = 0;
        for (var i = 0; i < 100_000; i++)
        {
            var key = (ulong)random.NextInt64();
            if (!entries.ContainsKey(key) && table.Find(key) != 0) absentFound++;
        }
        Assert.Equal(0, absentFound);
        // Keys that differ from present ones only in the bits the slot is taken from still read as absent.
        foreach (var key in entries.Keys.Take(500)) Assert.Equal(entries.GetValueOrDefault(key ^ 1), table.Find(key ^ 1));
    }
}
