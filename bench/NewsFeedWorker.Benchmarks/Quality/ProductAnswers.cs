using System.Collections.Concurrent;
using System.Globalization;
using NewsFeedWorker.Benchmarks.Extraction;
using NewsFeedWorker.Fetching;
using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.Benchmarks.Quality;

/// <summary>
/// What a user of generic mode gets for each page: the charset picked as the fetch stage picks it, then the parse
/// stage's article (<c>BodyText</c>, title, published date, author) for a source with no selectors.
/// </summary>
internal static class ProductAnswers
{
    public const string Name = "newsfeedworker";

    public static IReadOnlyDictionary<string, Answer> For(IReadOnlyList<QualityPage> pages)
    {
        using var pipeline = new ProductPipeline();
        var answers = new ConcurrentDictionary<string, Answer>(StringComparer.Ordinal);
        Parallel.ForEach(pages, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            page => answers[page.Id] = For(pipeline, page));
        return answers;
    }

    /// <summary>The page's bytes through the fetch stage's charset choice and the page parser, as a source with no selectors.</summary>
    public static PageParseResult Parse(ProductPipeline pipeline, QualityPage page)
    {
        var bytes = page.ReadBytes();
        var encoding = CharsetDetector.Detect(bytes, headerCharset: null, sourceEncoding: null, language: null);
        return pipeline.PageParser.Parse(bytes, encoding, page.Url, ProductPipeline.GenericSource(page.Url), page.FetchedAt);
    }

    public static Answer For(ProductPipeline pipeline, QualityPage page)
    {
        try
        {
            var result = Parse(pipeline, page);
            var article = result.Article;
            return new Answer
            {
                Text = article?.BodyText,
                Title = article?.Title,
                Date = article?.Published?.ToString("o", CultureInfo.InvariantCulture),
                Authors = article?.Author,
                Reason = result.NoArticleReason,
                Methods = article is null ? null : string.Join(", ", article.Methods.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}={m.Value}")),
            };
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A page that throws is a finding, not a reason to stop scoring the others.
            return new Answer { Reason = $"threw {exception.GetType().Name}: {exception.Message}" };
        }
    }
}
