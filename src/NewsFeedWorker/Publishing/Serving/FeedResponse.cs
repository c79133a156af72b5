namespace NewsFeedWorker.Publishing.Serving;

/// <summary>
/// Writes a feed representation straight from its preformatted header values: a 200 (body unless HEAD) or a 304.
/// Only for requests whose preconditions need no parsing (see <see cref="FeedRequestHandler"/>); the same headers as
/// <c>Results.Bytes</c> with an ETag and Last-Modified, which answers every other request.
/// </summary>
public sealed class FeedResponse(FeedRepresentation representation, bool notModified) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var headers = response.Headers;
        if (representation.LastModifiedHeader is { } lastModified)
        {
            headers.LastModified = lastModified;
        }

        headers.ETag = representation.ETag;
        if (notModified)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = representation.ContentType;
        response.ContentLength = representation.Body.Length;
        if (HttpMethods.IsHead(httpContext.Request.Method))
        {
            return;
        }

        try
        {
            await response.Body.WriteAsync(representation.Body, httpContext.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client went away; as the file results do, abort rather than leave a truncated response looking complete.
            httpContext.Abort();
        }
    }
}
