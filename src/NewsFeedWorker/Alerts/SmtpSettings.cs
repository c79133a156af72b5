namespace NewsFeedWorker.Alerts;

/// <summary><c>Alerts:Smtp</c>: the server e-mail alerts go through (MailKit).</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary><c>Auto</c> (STARTTLS when offered), <c>StartTls</c>, <c>SslOnConnect</c> or <c>None</c>.</summary>
    public string Security { get; set; } = "Auto";

    public string? UserName { get; set; }

    /// <summary>The password, or <c>${NAME}</c> read from settings or the environment.</summary>
    public string? Password { get; set; }

    public string From { get; set; } = "NewsFeedWorker <newsfeedworker@localhost>";
}
