namespace NewsFeedWorker.Cli;

/// <summary>Process exit codes, as documented in the README.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Something unexpected failed; the log says what.</summary>
    public const int Failure = 1;

    /// <summary>A settings file or option is invalid; the one-line message says which key.</summary>
    public const int BadConfiguration = 2;
}
