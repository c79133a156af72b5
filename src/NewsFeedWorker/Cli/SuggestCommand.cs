using System.CommandLine;
using NewsFeedWorker.Fetching;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Suggesting;
using UsageException = NewsFeedWorker.Cli.OneLineFailure.UsageException;

namespace NewsFeedWorker.Cli;

/// <summary>
/// <c>suggest URL</c>: fetches a list page and a few of its articles politely, derives a source block, checks it with
/// configured mode on every page, prints the check and the block, and with <c>--write</c> adds it to a sources file.
/// </summary>
public static class SuggestCommand
{
    /// <summary>List pages <c>suggest</c> reads at most (the start page and the next pages after it) to find its articles.</summary>
    public const int MaxListPages = 5;

    public static Command Create()
    {
        var url = new Argument<string?>("URL") { Description = "The list, section or home page of the site.", Arity = ArgumentArity.ZeroOrOne };
        var id = new Option<string?>("--id") { Description = "The source id. [default: from the host, e.g. portalnews]" };
        var name = new Option<string?>("--name") { Description = "The source name. [default: the site's og:site_name, else its host]" };
        var articles = new Option<int>("--articles") { Description = "Article pages to learn from (1-20).", DefaultValueFactory = _ => 5 };
        var json = new Option<bool>("--json") { Description = "Print only the source block (JSON, no comments)." };
        var write = new Option<string?>("--write") { Description = "Add the source to this sources file, or with --for replace that source's selectors in it (validated as check-config does; comments and formatting kept).", HelpName = "FILE" };
        var file = new Option<FileInfo?>("--file") { Description = "A saved list page instead of fetching URL (give its address with --url)." };
        var fileUrl = new Option<string?>("--url") { Description = "The address of the page saved in --file." };
        var repair = new Option<string?>("--for") { Description = "Propose a repaired block for this configured source (from its first start URL) and show what changes.", HelpName = "SOURCE_ID" };
        var sources = CommonOptions.Sources();
        var articleFiles = new Option<FileInfo[]>("--article-file") { Description = "A saved article page (repeatable); its address is its canonical link.", AllowMultipleArgumentsPerToken = false };
        var command = new Command("suggest", "Derive a source block for a site: fetch a list page and a few articles, find stable selectors, check them against generic mode on every page. Exit 0, 1 when a page could not be fetched, 2 for bad arguments or a block the sources file rejects.")
        {
            url, id, name, articles, json, write, file, fileUrl, articleFiles, repair, sources,
        };
        command.SetAction((parseResult, cancellationToken) => OneLineFailure.RunAsync("suggest", parseResult.InvocationConfiguration.Error, () => RunAsync(
            new SuggestRequest(
                parseResult.GetValue(url) ?? parseResult.GetValue(fileUrl), parseResult.GetValue(file), parseResult.GetValue(articleFiles) ?? [],
                parseResult.GetValue(id), parseResult.GetValue(name), parseResult.GetValue(articles), parseResult.GetValue(json), parseResult.GetValue(write),
                parseResult.GetValue(repair), parseResult.GetValue(sources) ?? Path.Combine("config", "sources.json")),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(SuggestRequest request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        SourceDefinition? current = null;
        if (request.For is { } repairId)
        {
            try
            {
                current = SourcesFileLoader.Load(request.SourcesPath).FirstOrDefault(s => s.Id == repairId)
                    ?? throw new UsageException($"no source '{repairId}' in {request.SourcesPath}.");
            }
            catch (SourcesFileException ex)
            {
                throw new UsageException(ex.Message);
            }

            request = request with { Url = request.Url ?? current.StartUrls[0].AbsoluteUri, Id = request.Id ?? current.Id, Name = request.Name ?? current.Name };
        }

        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var listUrl) || listUrl.Scheme is not ("http" or "https"))
        {
            throw new UsageException(request.Url is null
                ? "give the site's URL (or --file PAGE --url URL)."
                : $"'{request.Url}' is not an absolute http(s) URL.");
        }

        if (request.Articles is < 1 or > 20)
        {
            throw new UsageException($"--articles must be between 1 and 20, not {request.Articles}.");
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine("config", "appsettings.json"), optional: true)
            .AddEnvironmentVariables("NEWSFEEDWORKER_")
            .Build();
        await using var services = ScrapeCommand.Services(configuration);
        var fetcher = services.GetRequiredService<PageFetcher>();
        var suggester = new SourceSuggester(services.GetRequiredService<PageParser>(), services.GetRequiredService<TimeProvider>());
        var fetchSource = current ?? ScrapeRunner.GenericSource(listUrl) with { Id = SiteNames.DefaultId(listUrl) };

        var list = request.File is { } listFile
            ? await SavedPageAsync(listFile, listUrl, cancellationToken)
            : await FetchAsync(fetcher, fetchSource, listUrl, UrlOrigin.Operator, cancellationToken);
        var samples = new List<SamplePage>();
        var links = request.ArticleFiles.Length > 0
            ? suggester.ArticleLinks(list)
            : await ArticleLinksAsync(fetcher, suggester, fetchSource, list, request.Articles, cancellationToken);
        if (request.ArticleFiles.Length > 0)
        {
            for (var i = 0; i < request.ArticleFiles.Length; i++)
            {
                var fallback = i < links.Count ? links[i] : listUrl;
                var saved = await SavedPageAsync(request.ArticleFiles[i], fallback, cancellationToken);
                samples.Add(saved with { Url = CanonicalUrl(saved) ?? fallback });
            }
        }
        else
        {
            if (links.Count == 0)
            {
                await error.WriteLineAsync($"suggest: {listUrl} shows no article links generic mode recognizes; give an article page with --article-file, or a section page.");
                return ExitCodes.Failure;
            }

            foreach (var link in links.Take(request.Articles))
            {
                samples.Add(await FetchAsync(fetcher, fetchSource, link, UrlOrigin.Discovered, cancellationToken));
            }
        }

        var suggestion = suggester.Suggest(list, samples, request.Id, request.Name);
        var derived = suggestion.Source;
        if (current is not null)
        {
            suggestion = suggestion with { Source = Repaired(current, derived) };
        }

        if (current is not null && !request.Json)
        {
            SourceDifference.Write(output, current, suggestion.Source);
        }

        if (request.Json)
        {
            await output.WriteLineAsync(SourceBlockJson.Write(suggestion.Source, suggestion.Omitted, comments: false));
        }
        else
        {
            SuggestionText.Write(output, suggestion);
        }

        if (request.Write is not { } target)
        {
            return ExitCodes.Ok;
        }

        Func<string, string> block = indent => SourceBlockJson.Write(suggestion.Source, suggestion.Omitted, comments: true, indent);
        return current is null
            ? await WriteAsync(target, existing => SourcesFileEditor.Add(existing, block), $"Added source \"{suggestion.Source.Id}\" to {target}.", output, cancellationToken)
            : await WriteAsync(target, existing => SourcesFileEditor.Replace(existing, current.Id, block, RepairedKeys(derived)),
                $"Repaired source \"{current.Id}\" in {target} (its selectors replaced; a worker watching the file applies them at its next run).", output, cancellationToken);
    }

    /// <summary>
    /// The list's article links, following its next page (at most <see cref="MaxListPages"/> pages, fetched as the
    /// articles are) while the pages so far give fewer than <paramref name="wanted"/>.
    /// </summary>
    private static async Task<IReadOnlyList<Uri>> ArticleLinksAsync(PageFetcher fetcher, SourceSuggester suggester, SourceDefinition source, SamplePage list, int wanted, CancellationToken cancellationToken)
    {
        var (found, next) = suggester.ListPage(list);
        var links = found.ToList();
        var seen = new HashSet<Uri> { list.Url };
        for (var pages = 1; links.Count < wanted && next is not null && pages < MaxListPages && seen.Add(next); pages++)
        {
            // A next page that cannot be fetched ends the search; the articles found so far are learned from.
            if (await TryFetchAsync(fetcher, source, next, UrlOrigin.Discovered, cancellationToken) is not { } page)
            {
                break;
            }

            (found, next) = suggester.ListPage(page);
            links.AddRange(found.Where(l => !links.Contains(l)));
        }

        return links;
    }

    /// <summary>
    /// A repair keeps what the operator chose (schedule, zone, start pages, paging limits) and, where nothing new was
    /// derived (no weather widget on the sample pages, say), what is in force; the selectors are proposed anew.
    /// </summary>
    private static SourceDefinition Repaired(SourceDefinition current, SourceDefinition derived) => derived with
    {
        Schedule = current.Schedule,
        TimeZone = current.TimeZone,
        StartUrls = current.StartUrls,
        ArticleLinks = derived.ArticleLinks with { MaxPages = current.ArticleLinks.MaxPages, MaxArticles = current.ArticleLinks.MaxArticles },
        Weather = derived.Weather ?? current.Weather,
        DateFormats = derived.DateFormats.Count > 0 ? derived.DateFormats : current.DateFormats,
        Encoding = derived.Encoding ?? current.Encoding,
        Language = derived.Language ?? current.Language,
    };

    /// <summary>The keys a repair writes: always the selectors and how links are found, the other derived keys only when derived.</summary>
    private static List<string> RepairedKeys(SourceDefinition derived)
    {
        List<string> keys = ["articleLinks.selector", "articleLinks.urlPattern", "articleLinks.nextPage", "selectors"];
        if (derived.Weather is not null)
        {
            keys.Add("weather");
        }

        if (derived.DateFormats.Count > 0)
        {
            keys.Add("dateFormats");
        }

        if (derived.Encoding is not null)
        {
            keys.Add("encoding");
        }

        if (derived.Language is not null)
        {
            keys.Add("language");
        }

        return keys;
    }

    /// <summary>Writes the edited file only when the whole file then passes the validation check-config does; else it stays as it was.</summary>
    private static async Task<int> WriteAsync(string path, Func<string, string> edit, string done, TextWriter output, CancellationToken cancellationToken)
    {
        var existing = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : "{\n  \"sources\": [\n  ]\n}\n";
        string updated;
        try
        {
            updated = edit(existing);
            SourcesFileLoader.ParseFile(updated, path);
        }
        catch (Exception ex) when (ex is FormatException or SourcesFileException)
        {
            throw new UsageException($"{path} not changed: {ex.Message}");
        }

        var temporary = path + ".suggest.tmp";
        await File.WriteAllTextAsync(temporary, updated, cancellationToken);
        File.Move(temporary, path, overwrite: true);
        await output.WriteLineAsync(done);
        return ExitCodes.Ok;
    }

    private static async Task<SamplePage> FetchAsync(PageFetcher fetcher, SourceDefinition source, Uri url, UrlOrigin origin, CancellationToken cancellationToken)
    {
        var result = await fetcher.FetchAsync(source, url, origin, FetchValidators.None, cancellationToken);
        return result is Fetched fetched
            ? Sample(fetched)
            : throw new InvalidOperationException($"could not fetch {url}: {(result as FetchFailed)?.Reason ?? result.GetType().Name}");
    }

    private static async Task<SamplePage?> TryFetchAsync(PageFetcher fetcher, SourceDefinition source, Uri url, UrlOrigin origin, CancellationToken cancellationToken) =>
        await fetcher.FetchAsync(source, url, origin, FetchValidators.None, cancellationToken) is Fetched fetched ? Sample(fetched) : null;

    private static SamplePage Sample(Fetched fetched)
    {
        var declared = (fetched.ContentType is { } type && MetaCharsetScanner.CharsetFromContentType(type) is not null) || MetaCharsetScanner.Find(fetched.Body) is not null;
        return new SamplePage(fetched.FinalUrl, fetched.Body, fetched.Encoding, declared);
    }

    private static async Task<SamplePage> SavedPageAsync(FileInfo file, Uri url, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            throw new UsageException($"no such file {file.FullName}.");
        }

        var body = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
        var declared = MetaCharsetScanner.Find(body) is not null;
        return new SamplePage(url, body, CharsetDetector.Detect(body, null, null, null), declared);
    }

    private static Uri? CanonicalUrl(SamplePage page) =>
        page.Document.QuerySelector("link[rel~=canonical][href]")?.GetAttribute("href") is { } href && Uri.TryCreate(page.Url, href, out var url) && url.Scheme is "http" or "https"
            ? url
            : null;

    private sealed record SuggestRequest(string? Url, FileInfo? File, FileInfo[] ArticleFiles, string? Id, string? Name, int Articles, bool Json, string? Write, string? For, string SourcesPath);
}
