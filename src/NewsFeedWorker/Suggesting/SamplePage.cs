using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace NewsFeedWorker.Suggesting;

/// <summary>One page <c>suggest</c> learns from: the bytes as fetched (or read from a file), its address and charset.</summary>
internal sealed record SamplePage(Uri Url, byte[] Body, Encoding Encoding, bool CharsetDeclared)
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    private (byte[] Body, IHtmlDocument Document)? parsed;

    /// <summary>
    /// The page's DOM for finding elements, parsed once per body (a copy made with <c>with</c> and other bytes parses its
    /// own); the parser's own runs parse the bytes afresh.
    /// </summary>
    public IHtmlDocument Document
    {
        get
        {
            if (parsed is not { } cached || !ReferenceEquals(cached.Body, Body))
            {
                parsed = cached = (Body, Parser.ParseDocument(Encoding.GetString(Body)));
            }

            return cached.Document;
        }
    }
}
