using NewsFeedWorker.Scheduling;
using Spectre.Console;

namespace NewsFeedWorker.Cli;

/// <summary>
/// Shows a long cycle's progress: a Spectre.Console progress bar on an interactive terminal, plain lines (one per list
/// page and per ten articles) when the output is redirected to a file, a pipe or a log collector.
/// </summary>
public static class CycleProgressDisplay
{
    /// <summary>A terminal for <paramref name="output"/> when it is the process's own, unredirected standard output or error.</summary>
    public static IAnsiConsole? TerminalFor(TextWriter output)
    {
        var terminal = (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected)
            || (ReferenceEquals(output, Console.Error) && !Console.IsErrorRedirected)
            ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) })
            : null;
        return terminal?.Profile.Capabilities.Interactive == true ? terminal : null;
    }

    /// <param name="output">Where the bar (on a terminal) or the plain lines go.</param>
    public static async Task<T> RunAsync<T>(string title, TextWriter output, Func<IProgress<CycleProgress>, Task<T>> work)
    {
        if (TerminalFor(output) is not { } terminal)
        {
            return await work(new PlainLines(title, output));
        }

        return await terminal.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(title), maxValue: 1);
                var result = await work(new Bar(task, title));
                task.Value = task.MaxValue;
                return result;
            });
    }

    /// <summary>Synchronous on purpose: lines come out in order and before the command's summary.</summary>
    private sealed class PlainLines(string title, TextWriter output) : IProgress<CycleProgress>
    {
        private int listPages;
        private int done = -1;

        public void Report(CycleProgress value)
        {
            if (value.ListPages != listPages || (value.ArticlesDone != done && (value.ArticlesDone % 10 == 0 || value.ArticlesDone == value.ArticleLinks)))
            {
                listPages = value.ListPages;
                done = value.ArticlesDone;
                output.WriteLine($"{title}: {value.ListPages} list pages, {value.ArticlesDone}/{value.ArticleLinks} articles, {value.New} new, {value.Updated} updated, {value.Failures} failures");
                output.Flush();
            }
        }
    }

    private sealed class Bar(ProgressTask task, string title) : IProgress<CycleProgress>
    {
        public void Report(CycleProgress value)
        {
            task.MaxValue = Math.Max(1, value.ArticleLinks);
            task.Value = value.ArticlesDone;
            task.Description = Markup.Escape($"{title}: {value.ListPages} pages, {value.New} new");
        }
    }
}
