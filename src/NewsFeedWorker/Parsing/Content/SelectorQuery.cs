using AngleSharp.Dom;

namespace NewsFeedWorker.Parsing.Content;

/// <summary>Runs operator-written selectors; a selector that does not parse becomes an error entry, not an exception.</summary>
internal static class SelectorQuery
{
    public static IElement? First(IParentNode root, string selector, string field, List<string>? errors)
    {
        try
        {
            return root.QuerySelector(selector);
        }
        catch (DomException)
        {
            errors?.Add($"{field}: selector '{selector}' is not valid CSS");
            return null;
        }
    }

    public static IReadOnlyList<IElement> All(IParentNode root, string selector, string field, List<string>? errors)
    {
        try
        {
            return root.QuerySelectorAll(selector);
        }
        catch (DomException)
        {
            errors?.Add($"{field}: selector '{selector}' is not valid CSS");
            return [];
        }
    }
}
