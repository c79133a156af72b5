using System.Text;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Parsing;

/// <summary>Turns one fetched page into articles, weather and links. Pure: no I/O, no logging.</summary>
public sealed class PageParser
{
    /// <param name="body">The page bytes as received.</param>
    /// <param name="encoding">The charset the fetch stage detected.</param>
    /// <param name="url">The final URL after redirects (base for relative links).</param>
    /// <param name="source">The source's settings; selectors null means generic mode.</param>
    /// <param name="fetchedAt">When the page was fetched (resolves relative dates such as <c>3시간 전</c>).</param>
    public PageParseResult Parse(ReadOnlyMemory<byte> body, Encoding encoding, Uri url, SourceDefinition source, DateTimeOffset fetchedAt)
        => throw new NotImplementedException("parse stage");
}
