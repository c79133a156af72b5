namespace NewsFeedWorker.Alerts;

/// <summary>A delivery that failed; <see cref="Transient"/> says whether trying again can help (5xx, 429, a dead server).</summary>
public sealed class AlertSendException(string message, bool transient, Exception? inner = null) : Exception(message, inner)
{
    public bool Transient { get; } = transient;
}
