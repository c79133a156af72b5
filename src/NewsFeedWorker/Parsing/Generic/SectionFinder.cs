using System.Buffers;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// Finds the article's section when metadata names none: the last item of a breadcrumb trail, or a
/// short element named like a section label (Korean CMSs show "IT/과학" above the headline).
/// </summary>
internal static class SectionFinder
{
    private const int MaxLength = 30;

    private static readonly SearchValues<string> LabelNames = SearchValues.Create(
        ["section-name", "section_name", "sectionname", "article-section", "article_section", "category-name", "cate-name", "view-cate", "bo_v_cate", "cat-links"],
        StringComparison.OrdinalIgnoreCase);

    public static string? Find(PageIndex index)
    {
        if (index.Breadcrumb is { } trail)
        {
            var items = trail.QuerySelectorAll("li, a");
            for (var i = items.Length - 1; i >= 0; i--)
            {
                var text = TextMeasure.Collapse(items[i].TextContent);
                if (text.Length is > 0 and <= MaxLength && !IsHome(text))
                {
                    return text;
                }
            }
        }

        foreach (var label in index.SectionLabels)
        {
            var text = TextMeasure.Collapse(label.TextContent);
            if (text.Length is > 0 and <= MaxLength)
            {
                return text;
            }
        }

        return null;
    }

    public static bool IsSectionLabel(ReadOnlySpan<char> classAndId) => classAndId.IndexOfAny(LabelNames) >= 0;

    private static bool IsHome(string text) => text is "홈" or "HOME" or "Home" or "home" or "메인" or "뉴스" or "News";
}
