namespace NewsLsp.Ner;

/// <summary>Emission scores: for each token, the sum of its features' weight rows (one weight per tag).</summary>
internal static class LinearScorer
{
    public static void Score(ReadOnlySpan<int> buckets, ReadOnlySpan<float> weights, Span<float> emissions)
    {
        const int T = 7;
        var tokens = emissions.Length / T;
        for (var i = 0; i < tokens; i++)
        {
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0;
            foreach (var bucket in buckets.Slice(i * FeatureExtractor.FeaturesPerToken, FeatureExtractor.FeaturesPerToken))
            {
                var row = weights.Slice(bucket * T, T);
                s0 += row[0]; s1 += row[1]; s2 += row[2]; s3 += row[3]; s4 += row[4]; s5 += row[5]; s6 += row[6];
            }
            var e = emissions.Slice(i * T, T);
            e[0] = s0; e[1] = s1; e[2] = s2; e[3] = s3; e[4] = s4; e[5] = s5; e[6] = s6;
        }
    }
}
