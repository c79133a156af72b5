using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace NewsFeedWorker.Suggesting;

/// <summary>
/// Builds CSS selectors that pick one element of a page as the first match, simplest and most stable first: an id, a
/// semantic class name, tag and class under a named ancestor, and only then a position among siblings.
/// </summary>
internal static partial class CssPath
{
    private const int AncestorsTried = 5;

    /// <summary>Selectors whose first match on <paramref name="element"/>'s page is the element itself, best first.</summary>
    public static IReadOnlyList<string> For(IElement element)
    {
        var document = element.Owner!;
        var found = new List<string>();
        foreach (var candidate in Candidates(element))
        {
            if (!found.Contains(candidate, StringComparer.Ordinal) && FirstMatch(document, candidate) == element)
            {
                found.Add(candidate);
            }
        }

        return found;
    }

    /// <summary>The element's own names: <c>#id</c>, <c>tag.class</c> per stable class, the bare tag last.</summary>
    public static IEnumerable<string> Keys(IElement element)
    {
        var tag = element.LocalName;
        if (StableId(element) is { } id)
        {
            yield return "#" + id;
        }

        foreach (var name in StableClasses(element))
        {
            yield return tag + "." + name;
        }

        if (tag == "meta" && (element.GetAttribute("property") ?? element.GetAttribute("name")) is { } metaName && SafeValue().IsMatch(metaName))
        {
            var attribute = element.HasAttribute("property") ? "property" : "name";
            yield return $"meta[{attribute}='{metaName}']";
        }

        yield return tag;
    }

    public static IEnumerable<string> StableClasses(IElement element) =>
        element.ClassList.Where(name => StableName().IsMatch(name) && !GeneratedName().IsMatch(name));

    public static string? StableId(IElement element) =>
        element.Id is { Length: > 0 } id && StableName().IsMatch(id) && !GeneratedName().IsMatch(id) ? id : null;

    /// <summary>The first element <paramref name="selector"/> picks, or null (also for a selector that does not parse).</summary>
    public static IElement? FirstMatch(IParentNode root, string selector)
    {
        try
        {
            return root.QuerySelector(selector);
        }
        catch (DomException)
        {
            return null;
        }
    }

    public static IReadOnlyList<IElement> AllMatches(IParentNode root, string selector)
    {
        try
        {
            return [.. root.QuerySelectorAll(selector)];
        }
        catch (DomException)
        {
            return [];
        }
    }

    private static IEnumerable<string> Candidates(IElement element)
    {
        var own = Keys(element).ToList();
        foreach (var key in own)
        {
            yield return key;
        }

        var ancestors = Ancestors(element).ToList();
        foreach (var ancestor in ancestors)
        {
            foreach (var ancestorKey in Keys(ancestor).Where(k => k != ancestor.LocalName || Semantic(ancestor)))
            {
                foreach (var key in own)
                {
                    yield return ancestorKey + " " + key;
                }
            }
        }

        // Nothing but a position separates it: counted from the nearest named ancestor's side it is closest to.
        var parent = element.ParentElement;
        if (parent is null)
        {
            yield break;
        }

        var tag = element.LocalName;
        var ofType = parent.Children.Where(c => c.LocalName == tag).ToList();
        var position = ofType.IndexOf(element);
        var positions = new List<string>();
        if (position == ofType.Count - 1)
        {
            positions.Add($"{tag}:last-of-type");
        }

        positions.Add(position < ofType.Count - 1 - position
            ? $"{tag}:nth-of-type({position + 1})"
            : $"{tag}:nth-last-of-type({ofType.Count - position})");
        positions.Add($"{tag}:nth-child({parent.Children.Index(element) + 1})");
        foreach (var ancestor in ancestors)
        {
            foreach (var ancestorKey in Keys(ancestor).Where(k => k != ancestor.LocalName).Take(1))
            {
                var child = ancestor == parent ? " > " : " ";
                foreach (var positional in positions)
                {
                    yield return ancestorKey + child + positional;
                }

                if (ancestor != parent && Keys(parent).FirstOrDefault() is { } parentKey)
                {
                    foreach (var positional in positions)
                    {
                        yield return ancestorKey + " " + parentKey + " > " + positional;
                    }
                }
            }
        }

        yield return Structural(element);
    }

    /// <summary>
    /// The last resort, for markup without names (tables of a legacy CMS): the path of tags from the nearest named
    /// ancestor (or the body), each step placed among its siblings of the same tag.
    /// </summary>
    public static string Structural(IElement element)
    {
        var steps = new List<string>();
        for (var current = element; current is not null; current = current.ParentElement)
        {
            if (current.LocalName is "body" or "html")
            {
                steps.Add("body");
                break;
            }

            if (current != element && Keys(current).FirstOrDefault(k => k != current.LocalName) is { } key)
            {
                steps.Add(key);
                break;
            }

            var sameTag = current.ParentElement?.Children.Where(c => c.LocalName == current.LocalName).ToList() ?? [current];
            var position = sameTag.IndexOf(current);
            steps.Add(sameTag.Count == 1 ? current.LocalName
                : position == sameTag.Count - 1 ? current.LocalName + ":last-of-type"
                : $"{current.LocalName}:nth-of-type({position + 1})");
        }

        steps.Reverse();
        return string.Join(" > ", steps);
    }

    private static bool Semantic(IElement element) => element.LocalName is "article" or "main";

    private static IEnumerable<IElement> Ancestors(IElement element)
    {
        var current = element.ParentElement;
        for (var i = 0; i < AncestorsTried && current is not null && current.LocalName is not ("body" or "html"); i++)
        {
            yield return current;
            current = current.ParentElement;
        }
    }

    private static int Index(this IHtmlCollection<IElement> children, IElement element)
    {
        for (var i = 0; i < children.Length; i++)
        {
            if (children[i] == element)
            {
                return i;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_-]{0,40}$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex StableName();

    /// <summary>Build-tool names (css-1x2y3z, sc-abc, jsx-123) and names carrying a number that changes per page.</summary>
    [GeneratedRegex(@"(^(css|sc|jsx|svelte|emotion)-)|\d{3,}|^[a-z]{1,3}[A-Z0-9][a-zA-Z0-9]{4,}$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex GeneratedName();

    [GeneratedRegex(@"^[A-Za-z0-9:_.-]{1,60}$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex SafeValue();
}
