using System.Diagnostics;
using NewsFeedWorker.Storage;
using NewsFeedWorker.StoreCrashProbe;

namespace NewsFeedWorker.IntegrationTests.Storage;

public abstract partial class FeedStoreContractTests
{
    [Fact]
    public async Task Two_writers_saving_the_same_urls_at_once_leave_exactly_one_row_each()
    {
        var one = NewStore();
        var two = NewStore();
        await Task.WhenAll(one.MigrateAsync(Ct), two.MigrateAsync(Ct));
        var articles = Enumerable.Range(0, 60).Select(i => Some.Article(url: $"https://race.example.kr/{i}", title: $"경쟁 {i}", body: $"같은 주소를 두 작성자가 동시에 저장합니다 {i}")).ToList();

        var writers = new[] { one, two, one, two }.Select(store => Task.Run(async () =>
        {
            var results = new List<ArticleSaveResult>();
            foreach (var article in articles)
            {
                results.Add(await store.SaveArticleAsync("race", article, Some.Start, Ct));
            }

            return results;
        }));
        var outcomes = (await Task.WhenAll(writers)).SelectMany(r => r).ToList();

        Assert.Equal(60, outcomes.Count(r => r.Outcome == ArticleSaveOutcome.New));
        Assert.Equal(180, outcomes.Count(r => r.Outcome == ArticleSaveOutcome.Unchanged));
        var stored = await AllOf(NewStore(), "race");
        Assert.Equal(60, stored.Count);
        Assert.Equal(60, stored.Select(s => s.Article.Url).Distinct().Count());
        Assert.Equal(60, await one.GetChangeVersionAsync(Ct));
    }

    [Fact]
    public async Task Writers_saving_the_same_weather_at_once_store_it_once()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => NewStore()).ToList();
        await Task.WhenAll(stores.Select(s => s.MigrateAsync(Ct)));
        var day = new DateOnly(2026, 11, 8);

        var saved = await Task.WhenAll(stores.SelectMany(s => new[] { s, s }).Select(s => Task.Run(() => s.SaveWeatherAsync("portal", Some.Weather(day, 16.4m, 12.0m), Some.Start, Ct))));

        var rows = await stores[0].GetWeatherAsync("portal", 10, Ct);
        Assert.True(rows.Count == 1 && saved.Count(x => x) == 1, $"{saved.Count(x => x)} saved; rows: {string.Join(", ", rows.Select(r => r.Id + " " + r.Snapshot.ObservedOn + " " + r.SeenAt))}");
    }

    [Fact]
    public async Task Two_copies_saved_at_once_by_two_sources_are_linked_one_to_the_other()
    {
        var one = NewStore();
        var two = NewStore();
        await Task.WhenAll(one.MigrateAsync(Ct), two.MigrateAsync(Ct));

        for (var round = 0; round < 6; round++)
        {
            // Each round lies beyond the previous round's near-duplicate window.
            var at = Some.Start.AddDays(10 * round);
            var saves = await Task.WhenAll(
                Task.Run(() => one.SaveArticleAsync($"portal{round}", Some.ReleaseOnPortalNews(), at, Ct)),
                Task.Run(() => two.SaveArticleAsync($"wire{round}", Some.ReleaseOnNewsWire(), at, Ct)));

            Assert.Single(saves, s => s.NearDuplicateOf is null);
            Assert.Single(saves, s => s.NearDuplicateOf is not null);
        }
    }

    [Fact]
    public async Task A_writer_killed_mid_batch_and_run_again_leaves_every_article_once_and_whole()
    {
        const int count = 1500;
        var store = NewStore();
        await store.MigrateAsync(Ct);

        using (var killed = StartProbe(count))
        {
            // Kill once at least 50 transactions have committed: the process dies somewhere inside the next ones.
            await KillAfterAsync(killed, saved: 50);
        }

        var afterKill = (await AllOf(store, "crash")).Count;
        Assert.InRange(afterKill, 50, count - 1);

        using var rerun = StartProbe(count);
        var output = await rerun.StandardOutput.ReadToEndAsync(Ct);
        await rerun.WaitForExitAsync(Ct);
        Assert.True(rerun.ExitCode == 0, $"probe exited with {rerun.ExitCode}: {await rerun.StandardError.ReadToEndAsync(Ct)}");

        var outcomes = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[2]).ToList();
        Assert.Equal(count, outcomes.Count);
        Assert.Equal(afterKill, outcomes.Count(o => o == nameof(ArticleSaveOutcome.Unchanged)));
        Assert.Equal(count - afterKill, outcomes.Count(o => o == nameof(ArticleSaveOutcome.New)));

        var stored = await AllOf(store, "crash");
        Assert.Equal(count, stored.Count);
        Assert.Equal(count, stored.Select(s => s.Id).Distinct().Count());
        Assert.All(stored, s =>
        {
            var i = int.Parse(s.Article.Url.Query.Split('=')[1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(ProbeArticles.BodyOf(i), s.Article.BodyText);
            Assert.Equal(ProbeArticles.For(i).BodyHtml, s.Article.BodyHtml);
        });
    }

    [Fact]
    public async Task Two_processes_writing_the_same_articles_at_once_store_each_once()
    {
        const int count = 300;
        var store = NewStore();
        await store.MigrateAsync(Ct);

        using var first = StartProbe(count);
        using var second = StartProbe(count);
        var outputs = await Task.WhenAll(first.StandardOutput.ReadToEndAsync(Ct), second.StandardOutput.ReadToEndAsync(Ct));
        await Task.WhenAll(first.WaitForExitAsync(Ct), second.WaitForExitAsync(Ct));

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        var outcomes = outputs.SelectMany(o => o.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Select(l => l.Split(' ')[2]).ToList();
        Assert.Equal(2 * count, outcomes.Count);
        Assert.Equal(count, outcomes.Count(o => o == nameof(ArticleSaveOutcome.New)));
        Assert.Equal(count, outcomes.Count(o => o == nameof(ArticleSaveOutcome.Unchanged)));
        var stored = await AllOf(store, "crash");
        Assert.Equal(count, stored.Count);
        Assert.Equal(count, stored.Select(s => s.Article.Url).Distinct().Count());
    }

    [Fact]
    public async Task A_writer_killed_while_saving_corrections_and_run_again_keeps_each_previous_version_once()
    {
        const int count = 600;
        var store = NewStore();
        using (var first = StartProbe(count))
        {
            await first.StandardOutput.ReadToEndAsync(Ct);
            await first.WaitForExitAsync(Ct);
            Assert.Equal(0, first.ExitCode);
        }

        using (var killed = StartProbe(count, revised: true))
        {
            await KillAfterAsync(killed, saved: 50);
        }

        // Every article is either still the first version without a revision, or the corrected one with exactly one.
        var afterKill = await AllOf(store, "crash");
        Assert.All(afterKill, a => Assert.Equal(a.Article.Title.EndsWith("(수정)", StringComparison.Ordinal) ? 1 : 0, a.Revisions));
        Assert.InRange(afterKill.Count(a => a.Revisions == 1), 50, count - 1);

        using (var rerun = StartProbe(count, revised: true))
        {
            await rerun.StandardOutput.ReadToEndAsync(Ct);
            await rerun.WaitForExitAsync(Ct);
            Assert.Equal(0, rerun.ExitCode);
        }

        var stored = await AllOf(store, "crash");
        Assert.Equal(count, stored.Count);
        Assert.All(stored, a => Assert.Equal((1, ProbeArticles.RevisedTitleOf(int.Parse(a.Article.Url.Query.Split('=')[1], System.Globalization.CultureInfo.InvariantCulture))), (a.Revisions, a.Article.Title)));
        Assert.Equal(count, (await store.GetCorrectionsAsync("crash", 10 * count, Ct)).Count);
        var history = await store.GetArticleHistoryAsync(stored[0].Id, Ct);
        Assert.NotNull(history);
        Assert.Equal(stored[0].Article.Title.Replace(" (수정)", "", StringComparison.Ordinal), Assert.Single(history.Revisions).Article.Title);
    }

    /// <summary>kill -9 once <paramref name="saved"/> transactions have committed: the process dies inside the next ones.</summary>
    private async Task KillAfterAsync(Process probe, int saved)
    {
        string? line;
        var committed = 0;
        while (committed < saved && (line = await probe.StandardOutput.ReadLineAsync(Ct)) is not null)
        {
            committed += line.StartsWith("saved ", StringComparison.Ordinal) ? 1 : 0;
        }

        probe.Kill(entireProcessTree: true);
        await probe.WaitForExitAsync(Ct);
    }

    private Process StartProbe(int count, bool revised = false)
    {
        var probe = Path.Combine(AppContext.BaseDirectory, "NewsFeedWorker.StoreCrashProbe.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { probe, Provider.ToString(), ConnectionString, "crash", count.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        if (revised)
        {
            start.ArgumentList.Add("revised");
        }

        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the crash probe.");
    }
}
