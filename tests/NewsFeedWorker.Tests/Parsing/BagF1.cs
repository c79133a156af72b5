namespace NewsFeedWorker.Tests.Parsing;

/// <summary>Bag-of-tokens F1 between an expected and an extracted text, as the development corpus scores bodies.</summary>
internal static class BagF1
{
    public static double Score(IReadOnlyCollection<string> want, IReadOnlyCollection<string> got)
    {
        if (want.Count == 0 || got.Count == 0)
        {
            return want.Count == got.Count ? 1 : 0;
        }

        var counts = want.GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var overlap = 0;
        foreach (var token in got)
        {
            if (counts.TryGetValue(token, out var left) && left > 0)
            {
                counts[token] = left - 1;
                overlap++;
            }
        }

        if (overlap == 0)
        {
            return 0;
        }

        double precision = (double)overlap / got.Count, recall = (double)overlap / want.Count;
        return 2 * precision * recall / (precision + recall);
    }
}
