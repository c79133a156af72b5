using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsFeedWorker.IntegrationTests.Fetching;

namespace NewsFeedWorker.IntegrationTests.Browser;

public sealed class HeadlessChromiumTests
{
    [Fact]
    public async Task A_page_opened_in_chromium_shows_its_text_and_reports_the_scripts_that_ran()
    {
        await using var site = await MisbehavingSite.StartAsync(app => app.MapGet("/page", () => Results.Content(
            "<!doctype html><html><body><p class=\"x\">첫 문단</p><p class=\"x\">second</p>" +
            "<script>console.log('ran'); document.title = 'changed';</script></body></html>",
            "text/html; charset=utf-8")));
        await using var chromium = await HeadlessChromium.LaunchAsync();

        await using var page = await chromium.OpenAsync(site.Url("/page"));

        Assert.Equal(200, page.Status);
        Assert.Equal(["첫 문단", "second"], await page.TextsAsync("p.x"));
        Assert.Contains("console: ran", page.Events);
        Assert.Equal(site.Url("/page").AbsoluteUri, page.Requests.First());
    }
}
