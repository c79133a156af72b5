using System.Text;
using System.Xml;

namespace NewsFeedWorker.Publishing;

/// <summary>Makes text writable as XML 1.0: drops control characters and lone surrogates, keeps emoji and RTL text.</summary>
public static class XmlText
{
    public static string Clean(string text)
    {
        if (IsClean(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                sb.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    public static string? CleanOrNull(string? text) => text is null ? null : Clean(text);

    private static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                i++;
            }
            else if (!XmlConvert.IsXmlChar(c))
            {
                return false;
            }
        }

        return true;
    }
}
