using System.Text;
using System.Xml;

namespace NewsFeedWorker.Publishing.Formats;

/// <summary>An OPML 2.0 subscription list of every feed (RSS links, one outline per feed).</summary>
public static class OpmlWriter
{
    public const string ContentType = "text/x-opml; charset=utf-8";

    public static byte[] Write(IReadOnlyList<FeedEntry> feeds, FeedLinks links, string title)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
        };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("opml");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteStartElement("head");
            xml.WriteElementString("title", XmlText.Clean(title));
            xml.WriteEndElement();
            xml.WriteStartElement("body");
            xml.WriteStartElement("outline");
            xml.WriteAttributeString("text", XmlText.Clean(title));
            xml.WriteAttributeString("title", XmlText.Clean(title));
            foreach (var feed in feeds)
            {
                xml.WriteStartElement("outline");
                xml.WriteAttributeString("type", "rss");
                xml.WriteAttributeString("text", XmlText.Clean(feed.Title));
                xml.WriteAttributeString("title", XmlText.Clean(feed.Title));
                xml.WriteAttributeString("xmlUrl", links.Self(feed.Definition, FeedFormat.Rss).AbsoluteUri);
                xml.WriteAttributeString("htmlUrl", (feed.HomeLink ?? links.BaseUrl).AbsoluteUri);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return stream.ToArray();
    }
}
