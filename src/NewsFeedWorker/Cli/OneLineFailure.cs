namespace NewsFeedWorker.Cli;

/// <summary>
/// An operator's tool prints one line on failure, never a stack trace: the page is the problem, not the command. A
/// <see cref="UsageException"/> is a bad argument (exit 2), anything else a runtime failure (exit 1).
/// </summary>
internal static class OneLineFailure
{
    public static async Task<int> RunAsync(string command, TextWriter error, Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (UsageException ex)
        {
            await error.WriteLineAsync($"{command}: {ex.Message}");
            return ExitCodes.BadConfiguration;
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            await error.WriteLineAsync($"{command}: {ex.GetType().Name}: {ex.Message}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>The arguments cannot work (a missing file, a bad value): said in one line, exit code 2.</summary>
    public sealed class UsageException(string message) : Exception(message);
}
