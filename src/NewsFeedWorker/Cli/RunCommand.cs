using System.CommandLine;
using Microsoft.Extensions.Options;
using NewsFeedWorker.Hosting;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Cli;

/// <summary><c>run</c> (the default command): the worker itself, until SIGTERM or Ctrl-C.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "Run the worker: schedule every source, serve feeds and /health (the default command).");
        AddTo(command);
        return command;
    }

    /// <summary>Gives <paramref name="command"/> the run options and action (the root command runs too).</summary>
    public static void AddTo(Command command)
    {
        var sources = CommonOptions.Sources();
        var data = new Option<string>("--data") { Description = "Data directory: SQLite file, feed exports, state, logs. [config: Worker:DataDirectory; default: data]", HelpName = "DIR" };
        var urls = new Option<string>("--urls") { Description = $"Listen address(es), ';'-separated. [config: urls; default: {WorkerConfiguration.DefaultUrls}]", HelpName = "URL" };
        command.Options.Add(sources);
        command.Options.Add(data);
        command.Options.Add(urls);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new Dictionary<string, string?>()
                .With("Worker:SourcesFile", parseResult.GetValue(sources))
                .With("Worker:DataDirectory", parseResult.GetValue(data))
                .With("urls", parseResult.GetValue(urls)),
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
    }

    /// <returns>0 after a clean stop, 2 for a configuration problem (message on <paramref name="error"/>), 1 otherwise.</returns>
    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string?> overrides, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            await using var app = WorkerHost.Build(overrides);
            await ((IHost)app).RunAsync(cancellationToken);
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ConfigurationProblem(ex) is { } message)
        {
            await error.WriteLineAsync($"Configuration error: {message}".AsMemory(), cancellationToken);
            return ExitCodes.BadConfiguration;
        }
    }

    /// <summary>The operator-facing message when <paramref name="exception"/> (or one it wraps) is a settings problem.</summary>
    public static string? ConfigurationProblem(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case SourcesFileException sources:
                    return sources.Message;
                case OptionsValidationException options:
                    return $"invalid setting ({options.OptionsType.Name}; config/appsettings.json or environment variables): {string.Join(" ", options.Failures)}";
                case AggregateException aggregate:
                    var messages = aggregate.InnerExceptions.Select(ConfigurationProblem).ToList();
                    return messages.All(m => m is not null) ? string.Join(Environment.NewLine, messages) : null;
                default:
                    break;
            }
        }

        return null;
    }

    private static Dictionary<string, string?> With(this Dictionary<string, string?> overrides, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            overrides[key] = value;
        }

        return overrides;
    }
}
