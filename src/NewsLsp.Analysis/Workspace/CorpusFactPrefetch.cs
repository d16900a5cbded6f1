using NewsLsp.Analysis.Agreement;
using NewsLsp.Analysis.Entities;

namespace NewsLsp.Analysis;

/// <summary>
/// Computes the corpus facts the built-in cross-article rules read, side by side. Why: each is computed by one
/// thread under its memo's lock, and articles diagnosed in parallel all ask for them in the same order, so without
/// this the second core waits while entity linking runs and again while events are clustered. They are independent
/// (each reads only its own per-article summaries), so running them together is safe and gives the same values.
/// </summary>
public static class CorpusFactPrefetch
{
    public static void ComputeCorpusFacts(this WorkspaceSnapshot snapshot) =>
        Parallel.Invoke(
            () => snapshot.Get(AgreementQuery.Instance),
            () => snapshot.Get(EntityLinkingQuery.For(snapshot.Knowledge)));
}
