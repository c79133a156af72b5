using System.CommandLine;
using System.Globalization;
using NewsFeedWorker.Alerts;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;
using NewsFeedWorker.Topics;
using Spectre.Console;

namespace NewsFeedWorker.Cli;

/// <summary><c>topics test TOPIC_ID</c> (which stored articles of the last 7 days match, and why) and <c>topics send-test TOPIC_ID</c>.</summary>
public static class TopicsCommand
{
    /// <summary>How far back <c>topics test</c> looks.</summary>
    public static readonly TimeSpan TestWindow = TimeSpan.FromDays(7);

    public static Command Create()
    {
        var command = new Command("topics", "Try out the topics of the sources file against the store.");
        command.Subcommands.Add(Sub("test", "Show the stored articles of the last 7 days that match the topic, with the rule that matched highlighted. Exit 0, 2 for an unknown topic.", TestAsync));
        command.Subcommands.Add(Sub("send-test", "Send one test alert (marked \"test\": true) to each of the topic's targets, made from its newest matching article. Exit 0 when every target took it, 1 when one failed, 2 for an unknown topic.", SendTestAsync));
        return command;
    }

    private static Command Sub(string name, string description, Func<IServiceProvider, TopicDefinition, TextWriter, CancellationToken, Task<int>> run)
    {
        var topicId = new Argument<string>("TOPIC_ID") { Description = "A topic id from the sources file." };
        var sources = CommonOptions.Sources();
        var data = CommonOptions.Data();
        var command = new Command(name, description) { topicId, sources, data };
        command.SetAction((parseResult, cancellationToken) => AppServices.RunAsync(
            CommonOptions.Overrides(parseResult, sources, data),
            parseResult.InvocationConfiguration.Error,
            async services =>
            {
                var catalog = services.GetRequiredService<SourceCatalog>();
                var id = parseResult.GetValue(topicId)!;
                if (catalog.Topics.FirstOrDefault(t => t.Id == id) is not { } topic)
                {
                    var known = catalog.Topics.Count == 0 ? "the file has no topics" : $"known: {string.Join(", ", catalog.Topics.Select(t => t.Id))}";
                    await parseResult.InvocationConfiguration.Error.WriteLineAsync($"topics: no topic '{id}' in {catalog.FilePath} ({known}).".AsMemory(), cancellationToken);
                    return ExitCodes.BadConfiguration;
                }

                return await run(services, topic, parseResult.InvocationConfiguration.Output, cancellationToken);
            },
            cancellationToken));
        return command;
    }

    private static async Task<int> TestAsync(IServiceProvider services, TopicDefinition topic, TextWriter output, CancellationToken cancellationToken)
    {
        var articles = await RecentAsync(services, cancellationToken);
        var catalog = services.GetRequiredService<SourceCatalog>();
        var matches = articles.Select(a => (Article: a, Match: ArticleMatcher.Explain(topic, a)))
            .Where(m => m.Match is not null && !ArticleMatcher.Excluded(catalog.Find(m.Article.SourceId), m.Article))
            .ToList();
        var console = Console(output);
        console.MarkupLine($"[bold]{Markup.Escape(topic.Id)}[/]  {Markup.Escape(topic.Name)}: {matches.Count} of {articles.Count} articles of the last 7 days match");
        foreach (var (article, match) in matches)
        {
            var when = (article.Article.Published ?? article.FirstSeen).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            console.WriteLine();
            console.MarkupLine($"{when}  [blue]{Markup.Escape(article.SourceId)}[/]  [bold]{Markup.Escape(article.Article.Title)}[/]{(article.NearDuplicateOf is null ? "" : "  (copy of an earlier story)")}");
            console.MarkupLine($"  [dim]{Markup.Escape(article.Article.Url.AbsoluteUri)}[/]");
            foreach (var hit in match!.Hits)
            {
                console.MarkupLine($"  {Markup.Escape(hit.Rule),-24} {hit.Field,-9} {Snippet(match.FieldText[hit.Field], hit)}");
            }
        }

        return ExitCodes.Ok;
    }

    private static async Task<int> SendTestAsync(IServiceProvider services, TopicDefinition topic, TextWriter output, CancellationToken cancellationToken)
    {
        var console = Console(output);
        if (topic.Alerts.Count == 0)
        {
            console.MarkupLine($"Topic [bold]{Markup.Escape(topic.Id)}[/] has no alerts.");
            return ExitCodes.Ok;
        }

        var catalog = services.GetRequiredService<SourceCatalog>();
        var time = services.GetRequiredService<TimeProvider>();
        var article = (await RecentAsync(services, cancellationToken)).FirstOrDefault(a => ArticleMatcher.Matches(topic, a)) ?? Sample(topic, time);
        var sender = services.GetRequiredService<AlertSender>();
        var failed = 0;
        foreach (var target in topic.Alerts)
        {
            var payload = AlertPayload.Create($"test-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8))}", topic, article, catalog.Sources, test: true);
            try
            {
                await sender.SendAsync(target, payload, cancellationToken);
                console.MarkupLine($"[green]sent[/]    {Markup.Escape(target.Describe())}: {Markup.Escape(article.Article.Title)}");
            }
            catch (AlertSendException ex)
            {
                failed++;
                console.MarkupLine($"[red]failed[/]  {Markup.Escape(target.Describe())}: {Markup.Escape(ex.Message)}");
            }
        }

        return failed == 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }

    private static async Task<IReadOnlyList<StoredArticle>> RecentAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var since = services.GetRequiredService<TimeProvider>().GetUtcNow() - TestWindow;
        return await services.GetRequiredService<IFeedStore>().GetArticlesAsync(new ArticleQuery { FirstSeenSince = since, Limit = 5000 }, cancellationToken);
    }

    /// <summary>About 30 characters either side of the hit, the hit highlighted.</summary>
    private static string Snippet(string text, RuleHit hit)
    {
        var start = Math.Max(0, hit.Start - 30);
        var end = Math.Min(text.Length, hit.Start + hit.Length + 30);
        string Flat(string s) => Markup.Escape(s.ReplaceLineEndings(" "));
        return (start > 0 ? "…" : "") + Flat(text[start..hit.Start]) + "[black on yellow]" + Flat(text.Substring(hit.Start, hit.Length)) + "[/]"
            + Flat(text[(hit.Start + hit.Length)..end]) + (end < text.Length ? "…" : "");
    }

    private static StoredArticle Sample(TopicDefinition topic, TimeProvider time) => new()
    {
        Id = "test",
        SourceId = "test",
        FirstSeen = time.GetUtcNow(),
        Article = new Article
        {
            Url = new Uri("https://example.org/newsfeedworker-test-alert"),
            Title = $"NewsFeedWorker test alert for '{topic.Name}'",
            BodyHtml = "<p>No stored article of the last 7 days matches this topic; this is a sample.</p>",
            BodyText = "No stored article of the last 7 days matches this topic; this is a sample.",
        },
    };

    /// <summary>Colours on a terminal; plain, unwrapped text when the output is redirected (a file, a pipe, a test).</summary>
    private static IAnsiConsole Console(TextWriter output)
    {
        if (CycleProgressDisplay.TerminalFor(output) is { } terminal)
        {
            return terminal;
        }

        var plain = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        plain.Profile.Width = 4000;
        return plain;
    }
}
