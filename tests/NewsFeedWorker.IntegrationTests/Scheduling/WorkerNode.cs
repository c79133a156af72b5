using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NewsFeedWorker.IntegrationTests.Scheduling;

/// <summary>One real worker process (the built NewsFeedWorker.dll under <c>dotnet</c>) with its own data directory and port.</summary>
public sealed class WorkerNode : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private WorkerNode(string name, Process process, Uri baseAddress)
    {
        Name = name;
        this.process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    public IEnumerable<string> Output => output;

    public static WorkerNode Start(string name, string directory, string sourcesFile, IReadOnlyDictionary<string, string> environment)
    {
        var data = Path.Combine(directory, name);
        Directory.CreateDirectory(data);
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = data,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "NewsFeedWorker.dll"), "run", "--sources", sourcesFile, "--data", data, "--urls", baseAddress.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new WorkerNode(name, Process.Start(start) ?? throw new InvalidOperationException($"Could not start worker {name}."), baseAddress);
    }

    /// <summary>Waits until the node answers <c>/health</c>; fails with its output when it exits first.</summary>
    public async Task WaitUntilServingAsync(HttpClient http, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Worker {Name} exited with {process.ExitCode}:\n{Tail()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "/health"), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>kill -9: no shutdown, no check-out from the cluster, the running cycle dies mid-request.</summary>
    public void KillHard()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    /// <summary>SIGTERM, as systemd, Docker and Kubernetes stop a process: the worker shuts down gracefully.</summary>
    public async Task<int> StopAsync(CancellationToken cancellationToken)
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(cancellationToken);
        }

        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode;
    }

    public string Tail(int lines = 60) => string.Join('\n', output.TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            output.Enqueue($"[{Name}] {line}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
