using System.Collections.Concurrent;
using PuppeteerSharp;

namespace NewsFeedWorker.IntegrationTests.Browser;

/// <summary>
/// Debian's chromium (<c>/usr/bin/chromium</c>, installed by test.sh), headless, driven by PuppeteerSharp: no browser
/// is downloaded. A page opened through it records what would show that a script ran (dialogs, page errors, console
/// messages) and every request it made, so a test can check that nothing scraped came alive.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly IBrowser browser;

    private HeadlessChromium(IBrowser browser) => this.browser = browser;

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"{ExecutablePath} is missing: the browser tests drive Debian's chromium. Run ./test.sh (it installs it) or apt-get install chromium.");
        }

        var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Timeout = 60_000,
            // Root (CI, containers) cannot use chromium's sandbox; /dev/shm is small in containers.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions"],
        });
        return new HeadlessChromium(browser);
    }

    /// <summary>Opens <paramref name="url"/> and waits until the network is idle.</summary>
    public async Task<OpenedPage> OpenAsync(Uri url)
    {
        var page = await browser.NewPageAsync();
        var opened = new OpenedPage(page);
        page.Dialog += (_, e) =>
        {
            opened.Events.Enqueue($"dialog: {e.Dialog.Message}");
            _ = e.Dialog.Dismiss();
        };
        page.PageError += (_, e) => opened.Events.Enqueue($"page error: {e.Message}");
        page.Console += (_, e) => opened.Events.Enqueue($"console: {e.Message.Text}");
        page.Request += (_, e) => opened.Requests.Enqueue(e.Request.Url);
        var response = await page.GoToAsync(url.AbsoluteUri, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Networkidle0], Timeout = 60_000 });
        opened.Status = response is null ? 0 : (int)response.Status;
        return opened;
    }

    public async ValueTask DisposeAsync()
    {
        await browser.CloseAsync();
        await browser.DisposeAsync();
    }

    /// <summary>A page the browser opened, with what it did while loading.</summary>
    public sealed class OpenedPage(IPage page) : IAsyncDisposable
    {
        public IPage Page { get; } = page;

        public int Status { get; set; }

        /// <summary>Dialogs, page errors and console messages, in order: any of them means a script ran.</summary>
        public ConcurrentQueue<string> Events { get; } = new();

        /// <summary>Every URL the page requested, the page itself first.</summary>
        public ConcurrentQueue<string> Requests { get; } = new();

        /// <summary>The visible text of the elements that match <paramref name="selector"/>.</summary>
        public Task<string[]> TextsAsync(string selector) =>
            Page.EvaluateFunctionAsync<string[]>("s => Array.from(document.querySelectorAll(s), e => e.innerText)", selector);

        public ValueTask DisposeAsync() => Page.DisposeAsync();
    }
}
