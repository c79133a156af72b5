namespace NewsFeedWorker.Publishing.Serving;

/// <summary>
/// Puts gzip/Brotli response compression in front of the whole pipeline, so the feed endpoints are compressed
/// without Program.cs having to know (do not also call UseResponseCompression there).
/// </summary>
public sealed class ResponseCompressionStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseResponseCompression();
        next(app);
    };
}
