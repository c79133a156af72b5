using System.Text.Json;

namespace NewsFeedWorker.Suggesting;

/// <summary>
/// Edits the text of a sources file without re-serializing it, so every comment, blank line and key order of the file
/// stays: <see cref="Add"/> puts a source block before the closing bracket of the top-level <c>sources</c> list,
/// <see cref="Replace"/> sets some keys of one source in place.
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

    /// <summary>
    /// Sets the keys named by <paramref name="paths"/> (<c>selectors</c>, <c>articleLinks.selector</c>) of the source
    /// <paramref name="sourceId"/> to their values in <paramref name="block"/>, a whole source block written at the given
    /// indent: an existing key's value is replaced where it stands, a missing one is added at the end of its object, and
    /// a key the block does not have is removed. The source's other keys, and every comment outside the values replaced,
    /// stay as they are.
    /// </summary>
    /// <exception cref="FormatException">The text has no top-level <c>sources</c> list, or no source with that id.</exception>
    public static string Replace(string text, string sourceId, Func<string, string> block, IReadOnlyList<string> paths)
    {
        var source = SourceObject(text, sourceId);
        var proposed = block(LineIndent(text, source) ?? "    ");
        foreach (var path in paths)
        {
            var keys = path.Split('.');
            text = Set(text, SourceObject(text, sourceId), keys, ValueAt(proposed, keys));
        }

        return text;
    }

    /// <summary>The position of the <c>{</c> of the source with this id in the <c>sources</c> list.</summary>
    private static int SourceObject(string text, string sourceId)
    {
        var (open, close) = SourcesList(text) ?? throw new FormatException("no top-level \"sources\": [ ... ] list");
        for (var i = open + 1; i < close; i++)
        {
            if (SkipComment(text, ref i))
            {
                continue;
            }

            if (text[i] == '{')
            {
                var (members, end) = Members(text, i);
                if (members.Find(m => m.Key == "id") is { } id && text[id.ValueStart] == '"'
                    && JsonSerializer.Deserialize<string>(text[id.ValueStart..id.ValueEnd]) == sourceId)
                {
                    return i;
                }

                i = end;
            }
        }

        throw new FormatException($"no source \"{sourceId}\" in the sources list");
    }

    /// <summary>The value text at the path in an object's text, null when a key on the path is missing.</summary>
    private static string? ValueAt(string objectText, string[] keys)
    {
        var open = objectText.IndexOf('{', StringComparison.Ordinal);
        for (var k = 0; k < keys.Length; k++)
        {
            if (Members(objectText, open).Members.Find(m => m.Key == keys[k]) is not { } member)
            {
                return null;
            }

            if (k == keys.Length - 1)
            {
                return objectText[member.ValueStart..member.ValueEnd];
            }

            open = member.ValueStart;
            if (objectText[open] != '{')
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Sets (or with a null value removes) the key at the path below the object opening at <paramref name="open"/>.</summary>
    private static string Set(string text, int open, string[] keys, string? value)
    {
        var (members, close) = Members(text, open);
        var member = members.Find(m => m.Key == keys[0]);
        if (keys.Length > 1)
        {
            if (member is not null && text[member.ValueStart] == '{')
            {
                return Set(text, member.ValueStart, keys[1..], value);
            }

            if (value is null || member is not null)
            {
                // Nothing to remove, or a key that is not an object (check-config rejects it; left for it to say so).
                return text;
            }

            // The enclosing object is added first (empty), then the key within it.
            text = Insert(text, open, close, members, keys[0], "{\n" + Indentation(text, open, close, members) + "}");
            return Set(text, open, keys, value);
        }

        if (member is null)
        {
            return value is null ? text : Insert(text, open, close, members, keys[0], value);
        }

        if (value is not null)
        {
            return text[..member.ValueStart] + Reindent(value, LineIndent(text, member.KeyStart) ?? "") + text[member.ValueEnd..];
        }

        // Removed with its comma and, when it had its line to itself, its line (and a comment ending it); a last key
        // takes the comma before it instead.
        var index = members.IndexOf(member);
        var start = member.KeyStart;
        var ownLine = LineIndent(text, start) is not null;
        if (ownLine)
        {
            start = text.LastIndexOf('\n', start - 1) + 1;
        }

        var end = SkipSpace(text, member.ValueEnd);
        int? previousComma = null;
        if (end < text.Length && text[end] == ',')
        {
            end++;
        }
        else
        {
            end = member.ValueEnd;
            var comma = index > 0 ? SkipSpace(text, members[index - 1].ValueEnd) : -1;
            previousComma = comma >= 0 && comma < text.Length && text[comma] == ',' ? comma : null;
        }

        var lineEnd = text.IndexOf('\n', end);
        if (ownLine && lineEnd >= 0 && text[end..lineEnd].Trim() is var rest && (rest.Length == 0 || rest.StartsWith("//", StringComparison.Ordinal)))
        {
            end = lineEnd + 1;
        }

        var removed = text[..start] + text[end..];
        return previousComma is { } at ? removed.Remove(at, 1) : removed;
    }

    /// <summary>The white space before <paramref name="position"/> on its line; null when something else comes first on it.</summary>
    private static string? LineIndent(string text, int position)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, position - 1)) + 1;
        return text[lineStart..position].Trim().Length == 0 ? text[lineStart..position] : null;
    }

    /// <summary>Adds <c>"key": value</c> as the object's last member, on its own line at the indentation of the others.</summary>
    private static string Insert(string text, int open, int close, List<Member> members, string key, string value)
    {
        var indent = Indentation(text, open, close, members);
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var line = indent + JsonSerializer.Serialize(key) + ": " + Reindent(value, indent).ReplaceLineEndings(newline);
        var last = LastSignificant(text, open + 1, close);
        if (last < 0)
        {
            var closeLine = text.LastIndexOf('\n', close - 1) + 1;
            var closeIndent = text[closeLine..close].Trim().Length == 0 && closeLine > open ? text[closeLine..close] : indent[..Math.Max(0, indent.Length - 2)];
            return text[..(open + 1)] + newline + line + newline + closeIndent + text[close..];
        }

        var comma = text[last] == ',' ? "" : ",";
        return text[..(last + 1)] + comma + newline + line + text[(last + 1)..];
    }

    /// <summary>The indentation of the object's members: that of its first member's line, else its own plus two spaces.</summary>
    private static string Indentation(string text, int open, int close, List<Member> members)
    {
        if (members.Count > 0 && LineIndent(text, members[0].KeyStart) is { } first && text.LastIndexOf('\n', members[0].KeyStart - 1) > open)
        {
            return first;
        }

        var openLine = text.LastIndexOf('\n', open) + 1;
        var own = text[openLine..open];
        return new string(' ', own.Length - own.TrimStart().Length) + "  ";
    }

    /// <summary>A value taken from a block written at another indentation, moved to sit under a key at <paramref name="indent"/>.</summary>
    private static string Reindent(string value, string indent)
    {
        var lines = value.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 1)
        {
            return value;
        }

        // The closing line of an object or list sits at the key's indentation; the rest keep their place relative to it.
        var last = lines[^1];
        var shift = last.Length - last.TrimStart().Length;
        return string.Join('\n', lines.Select((l, i) => i == 0 ? l : indent + (l.Length >= shift && l[..shift].Trim().Length == 0 ? l[shift..] : l.TrimStart())));
    }

    /// <summary>The members of the object opening at <paramref name="open"/> (key, its position, its value's span) and the position of its <c>}</c>.</summary>
    private static (List<Member> Members, int Close) Members(string text, int open)
    {
        var members = new List<Member>();
        var i = open + 1;
        while (true)
        {
            i = SkipSpace(text, i);
            if (i >= text.Length)
            {
                throw new FormatException("an object is not closed");
            }

            if (text[i] == '}')
            {
                return (members, i);
            }

            if (text[i] == ',')
            {
                i++;
                continue;
            }

            if (text[i] != '"')
            {
                throw new FormatException($"a key was expected at character {i}");
            }

            var keyStart = i;
            var keyEnd = StringEnd(text, i);
            var key = JsonSerializer.Deserialize<string>(text[keyStart..(keyEnd + 1)])!;
            i = SkipSpace(text, keyEnd + 1);
            if (i >= text.Length || text[i] != ':')
            {
                throw new FormatException($"':' was expected after \"{key}\"");
            }

            var valueStart = SkipSpace(text, i + 1);
            var valueEnd = ValueEnd(text, valueStart);
            members.Add(new Member(key, keyStart, valueStart, valueEnd));
            i = valueEnd;
        }
    }

    /// <summary>The position just after the JSON value starting at <paramref name="start"/> (a string, an object or list with all it holds, or a literal).</summary>
    private static int ValueEnd(string text, int start)
    {
        if (start >= text.Length)
        {
            return start;
        }

        if (text[start] == '"')
        {
            return StringEnd(text, start) + 1;
        }

        if (text[start] is '{' or '[')
        {
            var depth = 0;
            for (var i = start; i < text.Length; i++)
            {
                if (SkipComment(text, ref i))
                {
                    continue;
                }

                switch (text[i])
                {
                    case '"':
                        i = StringEnd(text, i);
                        break;
                    case '{' or '[':
                        depth++;
                        break;
                    case '}' or ']':
                        if (--depth == 0)
                        {
                            return i + 1;
                        }

                        break;
                }
            }

            return text.Length;
        }

        var end = start;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not (',' or '}' or ']' or '/'))
        {
            end++;
        }

        return end;
    }

    /// <summary>The first position from <paramref name="i"/> that is neither white space nor inside a comment.</summary>
    private static int SkipSpace(string text, int i)
    {
        for (; i < text.Length; i++)
        {
            if (SkipComment(text, ref i))
            {
                continue;
            }

            if (!char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        return Math.Min(i, text.Length);
    }

    private sealed record Member(string Key, int KeyStart, int ValueStart, int ValueEnd);

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
