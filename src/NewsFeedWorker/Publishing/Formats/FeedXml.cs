using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

namespace NewsFeedWorker.Publishing.Formats;

/// <summary>Writes a syndication formatter to UTF-8 bytes with XmlWriter settings we control (no BOM, strict characters).</summary>
public static class FeedXml
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        // Text is cleaned before it gets here; a character that slips through must fail loudly, not corrupt a feed.
        CheckCharacters = true,
        NamespaceHandling = NamespaceHandling.OmitDuplicates,
    };

    public static byte[] Write(SyndicationFeedFormatter formatter)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            formatter.WriteTo(writer);
        }

        return stream.ToArray();
    }

    /// <summary>Declares a namespace prefix on the root so items don't repeat <c>xmlns</c> declarations.</summary>
    public static void Declare(SyndicationFeed feed, string prefix, string ns) =>
        feed.AttributeExtensions[new XmlQualifiedName(prefix, FeedNamespaces.Xmlns)] = ns;
}
