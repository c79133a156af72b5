using System.CommandLine;
using NewsFeedWorker.Cli;

namespace NewsFeedWorker.IntegrationTests.Support;

/// <summary>Runs a command of the worker's command line in the test process, as the shell would, and keeps what it printed.</summary>
internal static class WorkerCommand
{
    public static async Task<(int ExitCode, string Output, string Error)> InvokeAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await WorkerCommandLine.InvokeAsync(args, new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
