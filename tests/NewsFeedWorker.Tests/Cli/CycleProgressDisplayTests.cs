using NewsFeedWorker.Cli;
using NewsFeedWorker.Scheduling;

namespace NewsFeedWorker.Tests.Cli;

public sealed class CycleProgressDisplayTests
{
    [Fact]
    public async Task Redirected_output_gets_plain_lines_per_list_page_and_every_ten_articles_without_control_codes()
    {
        using var output = new StringWriter();

        var result = await CycleProgressDisplay.RunAsync("backfill demo", output, progress =>
        {
            progress.Report(new CycleProgress(1, 12, 0, 0, 0, 0));
            progress.Report(new CycleProgress(2, 25, 0, 0, 0, 0));
            for (var done = 1; done <= 25; done++)
            {
                progress.Report(new CycleProgress(2, 25, done, done - 1, 1, 0));
            }

            return Task.FromResult(42);
        });

        Assert.Equal(42, result);
        Assert.Equal(
            [
                "backfill demo: 1 list pages, 0/12 articles, 0 new, 0 updated, 0 failures",
                "backfill demo: 2 list pages, 0/25 articles, 0 new, 0 updated, 0 failures",
                "backfill demo: 2 list pages, 10/25 articles, 9 new, 1 updated, 0 failures",
                "backfill demo: 2 list pages, 20/25 articles, 19 new, 1 updated, 0 failures",
                "backfill demo: 2 list pages, 25/25 articles, 24 new, 1 updated, 0 failures",
            ],
            output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_writer_that_is_not_the_process_console_never_gets_a_terminal() =>
        Assert.Null(CycleProgressDisplay.TerminalFor(new StringWriter()));
}
