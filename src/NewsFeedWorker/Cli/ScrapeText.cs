using System.Globalization;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Cli;

/// <summary>The human report of <c>scrape</c>: each field with the method that found it, and selector match counts.</summary>
internal static class ScrapeText
{
    private const int Preview = 100;

    public static void Write(TextWriter output, ScrapeOutcome outcome, SourceDefinition source)
    {
        foreach (var page in outcome.Pages)
        {
            WritePage(output, page, source);
        }

        foreach (var error in outcome.Errors)
        {
            output.WriteLine($"error: {error}");
        }

        var articles = outcome.Pages.Count(p => p.Result.Article is not null);
        output.WriteLine($"{outcome.Pages.Count} page(s) parsed, {articles} article(s), {outcome.Errors.Count} fetch error(s); nothing was stored.");
    }

    private static void WritePage(TextWriter output, ScrapedPage page, SourceDefinition source)
    {
        var result = page.Result;
        output.WriteLine($"== {page.Url}");
        if (result.Article is { } article)
        {
            Field(output, article, "url", article.Url.AbsoluteUri);
            Field(output, article, "title", article.Title);
            Field(output, article, "subtitle", article.Subtitle);
            Field(output, article, "author", article.Author);
            Field(output, article, "published", article.Published?.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture));
            Field(output, article, "updated", article.Updated?.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture));
            Field(output, article, "category", article.Category);
            Field(output, article, "summary", article.Summary);
            Field(output, article, "origin", article.Origin);
            Field(output, article, "language", article.Language);
            Field(output, article, "leadImage", article.LeadImage?.AbsoluteUri);
            var paragraphs = article.BodyText.Split("\n\n").Length;
            Field(output, article, "body", $"{article.BodyText.Length} chars, {paragraphs} paragraph(s), {article.Images.Count} image(s): {article.BodyText}");
        }
        else
        {
            output.WriteLine($"  {result.NoArticleReason}");
        }

        var counts = SelectorMatchCounter.Count(page.Encoding.GetString(page.Body), source);
        if (counts.Count > 0)
        {
            output.WriteLine("  selectors: " + string.Join(", ", counts.Select(c => $"{c.Field} '{c.Selector}' ×{(c.Matches is { } n ? n.ToString(CultureInfo.InvariantCulture) : "invalid")}")));
        }

        foreach (var weather in result.Weather)
        {
            var readings = string.Join(", ", weather.Readings.Select(r => $"{r.Condition}{(r.Condition is null ? "" : " ")}{r.Station} {r.TemperatureC.ToString(CultureInfo.InvariantCulture)}℃"));
            output.WriteLine($"  weather: {weather.Provider ?? "?"} {weather.ObservedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "(no date)"}, {weather.Readings.Count} reading(s): {readings}");
        }

        foreach (var teaser in result.Teasers)
        {
            output.WriteLine($"  teaser [{teaser.Section}] {teaser.Title} → {teaser.Url}");
        }

        output.WriteLine($"  links ({result.ArticleLinks.Count}): {string.Join(' ', result.ArticleLinks.Take(10))}{(result.ArticleLinks.Count > 10 ? " …" : "")}");
        if (result.NextPage is { } next)
        {
            output.WriteLine($"  next page: {next}");
        }

        foreach (var error in result.Errors)
        {
            output.WriteLine($"  error: {error}");
        }
    }

    private static void Field(TextWriter output, Article article, string name, string? value)
    {
        var method = article.Methods.TryGetValue(name, out var found) ? ScrapeJson.MethodName(found) : "-";
        var shown = value is null ? "(none)" : value.Length > Preview ? value[..Preview].ReplaceLineEndings(" ") + "…" : value.ReplaceLineEndings(" ");
        output.WriteLine($"  {name,-10} {method,-9} {shown}");
    }
}
