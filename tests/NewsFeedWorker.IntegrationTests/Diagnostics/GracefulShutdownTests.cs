using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace NewsFeedWorker.IntegrationTests.Diagnostics;

/// <summary>
/// The real worker as a child process (<c>dotnet NewsFeedWorker.dll run …</c>) stopped with SIGTERM in the middle of a
/// cycle: it must exit 0 within its shutdown timeout, leave no partial article, and run the source again on next start.
/// </summary>
public sealed class GracefulShutdownTests : IDisposable
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(10);

    private readonly WorkerSettings settings = new();

    public GracefulShutdownTests()
    {
        // The child runs in the temp folder and reads config/appsettings.json from there: compact JSON on the console.
        Directory.CreateDirectory(Path.Combine(this.settings.Root, "config"));
        File.WriteAllText(Path.Combine(this.settings.Root, "config", "appsettings.json"), $$"""
            {
              "Worker": { "RunOnStart": true, "WatchSourcesFile": false, "ShutdownTimeout": "{{ShutdownTimeout}}" },
              "Fetching": { "DelayBetweenRequests": "00:00:00", "MaxRetryAttempts": 0 },
              "Serilog": {
                "Using": [ "Serilog.Sinks.Console" ],
                "MinimumLevel": { "Default": "Debug", "Override": { "Microsoft": "Warning", "Quartz": "Warning", "System": "Warning", "Polly": "Warning" } },
                "WriteTo": [ { "Name": "Console", "Args": { "formatter": "Serilog.Formatting.Compact.CompactJsonFormatter, Serilog.Formatting.Compact" } } ]
              }
            }
            """);
    }

    public void Dispose() => this.settings.Dispose();

    [Fact]
    public async Task Sigterm_during_a_cycle_exits_0_in_time_keeps_only_whole_articles_and_the_source_runs_again_on_next_start()
    {
        await using var site = await FixtureSite.StartAsync(slow: true);
        site.ServedBeforeHanging = 1;
        this.settings.WriteSources(("fixture", site.StartUrl));

        // First run: the second article page hangs, so the cycle is in progress when SIGTERM arrives.
        await using var first = await WorkerProcess.StartAsync(this.settings);
        await site.SlowRequestStarted.Task.WaitAsync(TimeSpan.FromSeconds(90));
        var hung = site.HungRequest!;
        var exitCode = await first.TerminateAsync(ShutdownTimeout + TimeSpan.FromSeconds(15));
        var articlesAfterStop = Articles();

        Assert.True(exitCode == 0, first.Output);
        Assert.Single(articlesAfterStop);
        Assert.All(articlesAfterStop, a => Assert.True(a.Title.Length > 0 && a.Json.RootElement.GetProperty("bodyText").GetString()!.Length > 0, a.Title));
        Assert.DoesNotContain(articlesAfterStop, a => hung.EndsWith(new Uri(a.Url).PathAndQuery, StringComparison.Ordinal));

        // The log is one compact JSON object per line with the house property names.
        var events = first.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var fetched = events.First(e => e.TryGetProperty("@mt", out var t) && t.GetString()!.StartsWith("Fetched {Url}", StringComparison.Ordinal));
        Assert.Equal("fixture", fetched.GetProperty("SourceId").GetString());
        Assert.Equal(200, fetched.GetProperty("Status").GetInt32());
        Assert.StartsWith(site.BaseAddress.ToString(), fetched.GetProperty("Url").GetString(), StringComparison.Ordinal);
        Assert.True(fetched.TryGetProperty("Elapsed", out _));
        var cancelled = Assert.Single(events, e => e.GetProperty("@mt").GetString()!.Contains("cycle cancelled", StringComparison.Ordinal));
        Assert.Equal("fixture", cancelled.GetProperty("SourceId").GetString());
        Assert.Equal("Warning", cancelled.GetProperty("@l").GetString());

        // Second run, the site fast again: the interrupted source runs on start and gets the article it missed.
        site.Slow = false;
        var requestsBefore = site.Requests.Count;
        await using var second = await WorkerProcess.StartAsync(this.settings);
        var health = await second.WaitForHealthAsync(h =>
            h.GetProperty("checks").GetProperty("runs").GetProperty("data").GetProperty("fixture").GetProperty("lastSuccess").ValueKind != JsonValueKind.Null);
        var secondExit = await second.TerminateAsync(ShutdownTimeout + TimeSpan.FromSeconds(15));
        var requestsAfterRestart = site.Requests.Skip(requestsBefore).ToList();

        Assert.True(secondExit == 0, second.Output);
        Assert.Contains(hung, requestsAfterRestart);
        Assert.Contains(Articles(), a => hung.EndsWith(new Uri(a.Url).PathAndQuery, StringComparison.Ordinal));
        Assert.Equal(0, health.GetProperty("checks").GetProperty("runs").GetProperty("data").GetProperty("fixture").GetProperty("consecutiveFailures").GetInt32());
        Assert.DoesNotContain(second.Id, WorkerChildren());
    }

    [Fact]
    public async Task A_worker_the_test_gives_up_on_is_not_left_running()
    {
        await using var site = await FixtureSite.StartAsync(slow: false);
        this.settings.WriteSources(("fixture", site.StartUrl));

        int id;
        await using (var worker = await WorkerProcess.StartAsync(this.settings))
        {
            id = worker.Id;
            Assert.Contains(id, WorkerChildren());
            // No SIGTERM: the way out of a test whose assertion failed half-way.
        }

        // Only this test's worker: other tests run the worker's CLI as child processes at the same time.
        Assert.DoesNotContain(id, WorkerChildren());
    }

    /// <summary>Child processes of this test run that run the worker (Linux: read from /proc).</summary>
    private static List<int> WorkerChildren()
    {
        var self = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var children = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                // stat: "pid (comm) state ppid …"; comm may hold spaces, so the fields are read after the last ')'.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var state = fields[0];
                if (fields[1] == self && state != "Z" && File.ReadAllText(Path.Combine(dir, "cmdline")).Contains("NewsFeedWorker.dll", StringComparison.Ordinal))
                {
                    children.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }

        return children;
    }

    private List<(string Url, string Title, JsonDocument Json)> Articles()
    {
        using var connection = new SqliteConnection($"Data Source={this.settings.SqliteFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT canonical_url, title, article_json FROM articles";
        using var reader = command.ExecuteReader();
        var articles = new List<(string, string, JsonDocument)>();
        while (reader.Read())
        {
            articles.Add((reader.GetString(0), reader.GetString(1), JsonDocument.Parse(reader.GetString(2))));
        }

        return articles;
    }

    /// <summary>One child worker process with its console output collected; disposing it kills whatever still runs.</summary>
    private sealed class WorkerProcess : IAsyncDisposable
    {
        /// <summary>A guard against a hung test, not a time assertion: generous, so a loaded machine never trips it.</summary>
        private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(3);

        private readonly Process process;
        private readonly StringWriter output = new();
        private readonly Uri baseAddress;

        private WorkerProcess(Process process, Uri baseAddress)
        {
            this.process = process;
            this.baseAddress = baseAddress;
        }

        public int Id => this.process.Id;

        public async ValueTask DisposeAsync()
        {
            if (!this.process.HasExited)
            {
                this.process.Kill(entireProcessTree: true);
                await this.process.WaitForExitAsync();
            }

            this.process.Dispose();
        }

        public string Output
        {
            get
            {
                lock (this.output)
                {
                    return this.output.ToString();
                }
            }
        }

        public static async Task<WorkerProcess> StartAsync(WorkerSettings settings)
        {
            var port = FreePort();
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                WorkingDirectory = settings.Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "NewsFeedWorker.dll"), "run", "--sources", settings.SourcesFile, "--data", settings.DataDirectory, "--urls", $"http://127.0.0.1:{port}" })
            {
                start.ArgumentList.Add(arg);
            }

            // Environment settings of the test run (ASPNETCORE_URLS, DOTNET_ENVIRONMENT) must not leak into the child.
            start.Environment.Remove("ASPNETCORE_URLS");
            start.Environment.Remove("DOTNET_ENVIRONMENT");
            start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
            var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the worker.");
            var worker = new WorkerProcess(process, new Uri($"http://127.0.0.1:{port}"));
            process.OutputDataReceived += (_, e) => worker.Append(e.Data);
            process.ErrorDataReceived += (_, e) => worker.Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await worker.WaitForHealthAsync(_ => true);
            return worker;
        }

        /// <summary>Asks /health until <paramref name="condition"/> holds; fails if the process dies first.</summary>
        /// <remarks>
        /// No per-request timeout: on a loaded machine an answer may take longer than any fixed one, and a slow answer is
        /// not a failure. Only the hang guard ends the wait, and the process ending (its exit event) ends it at once.
        /// </remarks>
        public async Task<JsonElement> WaitForHealthAsync(Func<JsonElement, bool> condition)
        {
            using var guard = new CancellationTokenSource(HangGuard);
            using var http = new HttpClient { BaseAddress = this.baseAddress, Timeout = Timeout.InfiniteTimeSpan };
            var exited = this.process.WaitForExitAsync(guard.Token);
            while (true)
            {
                Assert.False(this.process.HasExited, $"The worker exited with {(this.process.HasExited ? this.process.ExitCode : 0)}:\n{Output}");
                Assert.False(guard.IsCancellationRequested, $"The worker never reported the expected health.\n{Output}");
                try
                {
                    var asked = http.GetAsync(new Uri("/health", UriKind.Relative), guard.Token);
                    if (await Task.WhenAny(asked, exited) == asked)
                    {
                        using var response = await asked;
                        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(guard.Token)).RootElement;
                        if (response.StatusCode == HttpStatusCode.OK && condition(json))
                        {
                            return json;
                        }
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (OperationCanceledException) when (guard.IsCancellationRequested)
                {
                    // Reported by the assertion above.
                }

                await Task.WhenAny(Task.Delay(100, CancellationToken.None), exited);
            }
        }

        /// <summary>Sends SIGTERM and waits; a worker still running after <paramref name="limit"/> fails the test (and is killed).</summary>
        public async Task<int> TerminateAsync(TimeSpan limit)
        {
            using (var kill = Process.Start("kill", ["-TERM", this.process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            try
            {
                await this.process.WaitForExitAsync().WaitAsync(limit);
            }
            catch (TimeoutException)
            {
                this.process.Kill(entireProcessTree: true);
                Assert.Fail($"The worker did not stop within {limit} of SIGTERM.\n{Output}");
            }

            // The exit event fires before the redirected streams are drained; this waits for them.
            await this.process.WaitForExitAsync();
            return this.process.ExitCode;
        }

        private void Append(string? line)
        {
            if (line is not null)
            {
                lock (this.output)
                {
                    this.output.WriteLine(line);
                }
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
