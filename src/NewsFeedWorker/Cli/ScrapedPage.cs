using System.Text;
using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.Cli;

/// <summary>One page the scrape command fetched (or read from a file) and what the parser made of it.</summary>
internal sealed record ScrapedPage(Uri Url, byte[] Body, Encoding Encoding, PageParseResult Result);
