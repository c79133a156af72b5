namespace NewsFeedWorker.Suggesting;

/// <summary>
/// Adds a source block to the text of a sources file without re-serializing it: the block goes before the closing
/// bracket of the top-level <c>sources</c> list, so every comment, blank line and key order of the file stays.
/// </summary>
internal static class SourcesFileEditor
{
    /// <exception cref="FormatException">The text has no top-level <c>sources</c> list to add to.</exception>
    public static string Add(string text, Func<string, string> block)
    {
        var (open, close) = SourcesList(text) ?? throw new FormatException("no top-level \"sources\": [ ... ] list to add the source to");
        var last = LastSignificant(text, open + 1, close);
        var lineStart = text.LastIndexOf('\n', close - 1) + 1;
        var closeIndent = text[lineStart..close].Trim().Length == 0 ? text[lineStart..close] : "  ";
        var indent = closeIndent + "  ";
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var body = indent + block(indent).ReplaceLineEndings(newline);

        if (last < 0)
        {
            // An empty list: the block on its own lines between the brackets.
            return text[..(open + 1)] + newline + body + newline + closeIndent + text[close..];
        }

        var comma = text[last] == ',' ? "" : ",";
        return text[..(last + 1)] + comma + newline + body + text[(last + 1)..];
    }

    /// <summary>Positions of <c>[</c> and its <c>]</c> for the key <c>sources</c> of the top-level object.</summary>
    private static (int Open, int Close)? SourcesList(string text)
    {
        var depth = 0;
        int? open = null;
        string? lastString = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (SkipComment(text, ref i))
            {
                continue;
            }

            if (c == '"')
            {
                var start = i;
                i = StringEnd(text, i);
                lastString = text[(start + 1)..i];
                continue;
            }

            switch (c)
            {
                case '{' or '[':
                    if (c == '[' && depth == 1 && lastString == "sources" && open is null)
                    {
                        open = i;
                    }

                    depth++;
                    break;
                case '}' or ']':
                    depth--;
                    if (c == ']' && depth == 1 && open is not null)
                    {
                        return (open.Value, i);
                    }

                    break;
                case ',':
                    lastString = null;
                    break;
            }
        }

        return null;
    }

    /// <summary>The index of the last character between the brackets that is not white space or comment; -1 if none.</summary>
    private static int LastSignificant(string text, int from, int to)
    {
        var last = -1;
        for (var i = from; i < to; i++)
        {
            if (SkipComment(text, ref i))
            {
                continue;
            }

            if (text[i] == '"')
            {
                i = StringEnd(text, i);
                last = i;
            }
            else if (!char.IsWhiteSpace(text[i]))
            {
                last = i;
            }
        }

        return last;
    }

    private static bool SkipComment(string text, ref int i)
    {
        if (text[i] != '/' || i + 1 >= text.Length)
        {
            return false;
        }

        if (text[i + 1] == '/')
        {
            var end = text.IndexOf('\n', i);
            i = end < 0 ? text.Length : end;
            return true;
        }

        if (text[i + 1] == '*')
        {
            var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
            i = end < 0 ? text.Length : end + 1;
            return true;
        }

        return false;
    }

    private static int StringEnd(string text, int start)
    {
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                return i;
            }
        }

        return text.Length - 1;
    }
}
