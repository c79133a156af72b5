using System.CommandLine;
using NewsFeedWorker.Cli;
using NewsFeedWorker.Diagnostics;
using Serilog;

Log.Logger = SerilogSetup.CreateBootstrapLogger();
try
{
    // The host handles SIGTERM/Ctrl-C itself (graceful shutdown), so the command line must not race it.
    return await WorkerCommandLine.InvokeAsync(args, new InvocationConfiguration { ProcessTerminationTimeout = null });
}
catch (Exception ex)
{
    Log.Fatal(ex, "NewsFeedWorker stopped unexpectedly");
    return ExitCodes.Failure;
}
finally
{
    await Log.CloseAndFlushAsync();
}
