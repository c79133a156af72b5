using System.Collections.Concurrent;
using AngleSharp.Css.Dom;
using AngleSharp.Css.Parser;
using AngleSharp.Dom;

namespace NewsFeedWorker.Parsing.Content;

/// <summary>Runs selectors parsed once and cached; an operator's selector that does not parse becomes an error entry, not an exception.</summary>
internal static class SelectorQuery
{
    private static readonly CssSelectorParser Parser = new();
    private static readonly ConcurrentDictionary<string, ISelector?> Cache = new(StringComparer.Ordinal);

    // ConcurrentDictionary.Count takes every lock of the dictionary, so the lookup comes first and the size bound
    // is only checked when a new selector is about to be added.
    public static ISelector? Compile(string selector) =>
        Cache.TryGetValue(selector, out var compiled) ? compiled
        : Cache.Count < 4096 ? Cache.GetOrAdd(selector, Parse)
        : Parse(selector);

    public static IElement? First(INode root, string selector, string field, List<string>? errors)
    {
        if (Compile(selector) is not { } compiled)
        {
            errors?.Add($"{field}: selector '{selector}' is not valid CSS");
            return null;
        }

        return root.ChildNodes.QuerySelector(compiled);
    }

    public static IReadOnlyList<IElement> All(INode root, string selector, string field, List<string>? errors)
    {
        if (Compile(selector) is not { } compiled)
        {
            errors?.Add($"{field}: selector '{selector}' is not valid CSS");
            return [];
        }

        return root.ChildNodes.QuerySelectorAll(compiled);
    }

    /// <summary>The nearest ancestor-or-self matching <paramref name="selector"/> (a built-in, known-valid selector).</summary>
    public static IElement? Closest(IElement element, ISelector selector)
    {
        for (var current = element; current is not null; current = current.ParentElement)
        {
            if (selector.Match(current, null))
            {
                return current;
            }
        }

        return null;
    }

    private static ISelector? Parse(string selector)
    {
        try
        {
            return Parser.ParseSelector(selector);
        }
        catch (DomException)
        {
            return null;
        }
    }
}
