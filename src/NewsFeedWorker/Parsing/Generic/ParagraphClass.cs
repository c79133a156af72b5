using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>What jusText calls a paragraph's class: prose is long and dense in stop words, furniture is short, linked or wordy without them.</summary>
internal enum BlockKind
{
    Bad,
    Short,
    NearGood,
    Good,
}

/// <summary>
/// jusText's paragraph classifier (Pomikálek's defaults: 70 and 200 characters, 30 % and 32 % stop words, 20 % link
/// text): a second judge of a block that knows nothing of class names or the content scorer's choice.
/// </summary>
internal static class ParagraphClass
{
    private const int LengthLow = 70;
    private const int LengthHigh = 200;
    private const double StopWordsLow = 0.30;
    private const double StopWordsHigh = 0.32;
    private const double MaxLinkDensity = 0.2;

    /// <summary>Stop words a short line must reach to read as a sentence rather than a label, credit or broadcast note.</summary>
    private const double SentenceStopWords = 0.2;

    /// <summary>Words a line ending in a full stop needs to read as a sentence ("Foto: dpa." is none).</summary>
    private const int SentenceWords = 4;

    /// <summary>
    /// A short block (under 70 characters) that reads as furniture on its own, without jusText's context: it carries a
    /// link, or it is too poor in stop words to be a sentence ("Advert", "Sendung: Antenne Brandenburg, 24.04.2024").
    /// </summary>
    public static bool IsShortFurniture(IElement block, int language)
    {
        var text = block.TextContent;
        var length = TextMeasure.CollapsedLength(text);
        if (length == 0 || length >= LengthLow)
        {
            return false;
        }

        if (LinkLength(block) > 0)
        {
            return true;
        }

        // A closing sentence ("Fairmont Jasper Park Lodge is now open.") stays however few stop words it has.
        var (words, stop) = StopWords.Count(text, language);
        return stop < SentenceStopWords * words && !(words >= SentenceWords && text.AsSpan().TrimEnd().EndsWith('.'));
    }

    public static BlockKind Classify(IElement block, int language)
    {
        var text = block.TextContent;
        var length = TextMeasure.CollapsedLength(text);
        if (length == 0)
        {
            return BlockKind.Short;
        }

        var links = LinkLength(block);
        if (links > MaxLinkDensity * length || text.Contains('©', StringComparison.Ordinal))
        {
            return BlockKind.Bad;
        }

        if (length < LengthLow)
        {
            return links > 0 ? BlockKind.Bad : BlockKind.Short;
        }

        var (words, stop) = StopWords.Count(text, language);
        var density = words == 0 ? 0 : (double)stop / words;
        if (density >= StopWordsHigh)
        {
            return length > LengthHigh ? BlockKind.Good : BlockKind.NearGood;
        }

        return density >= StopWordsLow ? BlockKind.NearGood : BlockKind.Bad;
    }

    private static int LinkLength(IElement block)
    {
        if (block.LocalName == "a")
        {
            return TextMeasure.CollapsedLength(block.TextContent);
        }

        var length = 0;
        var walk = new DomWalk(block);
        var skip = false;
        while (walk.NextElement(skip) is { } element)
        {
            skip = element.LocalName == "a";
            if (skip)
            {
                length += TextMeasure.CollapsedLength(element.TextContent);
            }
        }

        return length;
    }
}
