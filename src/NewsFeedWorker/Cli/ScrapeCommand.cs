using System.CommandLine;
using Microsoft.Extensions.Options;
using NewsFeedWorker.Fetching;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Scheduling;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Cli;

/// <summary><c>scrape</c>: a dry run of fetch and parse for one source or one URL; nothing is stored.</summary>
public static class ScrapeCommand
{
    /// <summary>Exit code when a page the operator asked for could not be fetched.</summary>
    public const int FetchFailedExitCode = ExitCodes.Failure;

    /// <summary>Exit code for unusable arguments or settings (unknown source, broken sources file, missing file).</summary>
    public const int UsageExitCode = ExitCodes.BadConfiguration;

    public static Command Create()
    {
        var sourceId = new Argument<string?>("SOURCE_ID") { Description = "The source to run (its id in the sources file).", Arity = ArgumentArity.ZeroOrOne };
        var sources = new Option<string>("--sources") { Description = "The sources file.", DefaultValueFactory = _ => Path.Combine("config", "sources.json") };
        var url = new Option<Uri?>("--url")
        {
            Description = "Parse this one page (with SOURCE_ID's selectors, else in generic mode).",
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (Uri.TryCreate(text, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https")
                {
                    return parsed;
                }

                result.AddError($"--url must be an absolute http(s) URL, not '{text}'.");
                return null;
            },
        };
        var file = new Option<FileInfo?>("--file") { Description = "Parse a saved page offline instead of fetching (--url, if given, is its address)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (articles, weather, teasers, links, errors)." };

        var command = new Command("scrape", "Fetch and parse once without storing anything (dry run).") { sourceId, sources, url, file, json };
        command.SetAction((parseResult, cancellationToken) => OneLineFailure.RunAsync("scrape", parseResult.InvocationConfiguration.Error, () => RunAsync(
            new ScrapeRequest(parseResult.GetValue(sourceId), parseResult.GetValue(sources)!, parseResult.GetValue(url), parseResult.GetValue(file), parseResult.GetValue(json)),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(ScrapeRequest request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (request.SourceId is null && request.Url is null && request.File is null)
        {
            await error.WriteLineAsync("scrape: name a SOURCE_ID, or give --url URL (or --file PATH).");
            return UsageExitCode;
        }

        SourceDefinition? source = null;
        if (request.SourceId is { } id)
        {
            try
            {
                source = SourcesFileLoader.Load(request.SourcesPath).FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal));
            }
            catch (SourcesFileException exception)
            {
                await error.WriteLineAsync($"scrape: {exception.Message}");
                return UsageExitCode;
            }

            if (source is null)
            {
                await error.WriteLineAsync($"scrape: no source '{id}' in {request.SourcesPath}.");
                return UsageExitCode;
            }
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile(Path.Combine("config", "appsettings.json"), optional: true)
            .AddEnvironmentVariables("NEWSFEEDWORKER_")
            .Build();
        await using var services = Services(configuration);
        var runner = Runner(services);

        ScrapeOutcome outcome;
        if (request.File is { } file)
        {
            if (!file.Exists)
            {
                await error.WriteLineAsync($"scrape: no such file {file.FullName}.");
                return UsageExitCode;
            }

            var pageUrl = request.Url ?? new Uri(file.FullName);
            outcome = runner.RunFile(source ?? ScrapeRunner.GenericSource(pageUrl), await File.ReadAllBytesAsync(file.FullName, cancellationToken), pageUrl);
        }
        else if (request.Url is { } pageUrl)
        {
            outcome = await runner.RunUrlAsync(source ?? ScrapeRunner.GenericSource(pageUrl), pageUrl, cancellationToken);
        }
        else
        {
            // Progress on standard error: standard output is the result (--json must stay parseable).
            outcome = await CycleProgressDisplay.RunAsync($"scrape {source!.Id}", error, progress => runner.RunSourceAsync(source, cancellationToken, progress));
        }

        if (request.Json)
        {
            await output.WriteLineAsync(ScrapeJson.Write(outcome));
        }
        else
        {
            ScrapeText.Write(output, outcome, source ?? ScrapeRunner.GenericSource(outcome.Pages.Count > 0 ? outcome.Pages[0].Url : request.Url!));
        }

        if (outcome.FailedReason is { } reason)
        {
            await error.WriteLineAsync($"scrape: {reason}");
            return FetchFailedExitCode;
        }

        return 0;
    }

    /// <summary>The stages a scheduled cycle runs with, but no store: the scrape command's composition.</summary>
    internal static ServiceProvider Services(IConfiguration configuration) => new ServiceCollection()
        .AddLogging()
        .AddSingleton(TimeProvider.System)
        .AddFetching(configuration)
        .AddParsing(configuration)
        .AddMetrics()
        .AddSingleton<SchedulingMetrics>()
        .AddSingleton<StorageFaults>()
        .AddSingleton(Options.Create(configuration.GetSection(SchedulerOptions.SectionName).Get<SchedulerOptions>() ?? new SchedulerOptions()))
        .AddSingleton<ParseGate>()
        .BuildServiceProvider();

    /// <summary>The scheduled cycle itself, with every collaborator the service gives it but the store.</summary>
    internal static ScrapeRunner Runner(IServiceProvider services) => new(
        sink => ActivatorUtilities.CreateInstance<ScrapeCycle>(services, sink),
        services.GetRequiredService<PageParser>(),
        services.GetRequiredService<TimeProvider>());

    private sealed record ScrapeRequest(string? SourceId, string SourcesPath, Uri? Url, FileInfo? File, bool Json);
}
