using System.Globalization;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// The most frequent function words of the languages news pages are written in (after jusText's lists, cut to the
/// commonest 40–60 each): prose is dense in them, furniture ("Share", "Read more", "Advert", a dateline) is not.
/// One table maps each word to the languages that use it, so a text is measured for every language in one pass.
/// </summary>
internal static class StopWords
{
    /// <summary>Below this share of stop words in the best language, the text is in none of them (CJK, Arabic, Hindi …).</summary>
    private const double KnownLanguage = 0.15;

    private static readonly string[] Lists =
    [
        // en
        "a about after all also an and any are as at be because been but by can could did do for from had has have he her his how i if in into is it its just more my no not of on one only or our out she so some than that the their them then there they this to up was we were what when which who will with would you your",
        // de
        "aber alle als also am an auch auf aus bei bin bis da damit dann das dass dem den denn der des die dies diese doch dort du durch ein eine einem einen einer eines er es für hat hatte ich ihr im in ist ja jetzt kann kein man mit nach nicht noch nun nur oder schon sein sich sie sind so über um und uns unter vom von vor war was weil wenn werden wie wir wird wurde zu zum zur",
        // fr
        "à au aux avec ce ces cette comme dans de des du elle en est et été il ils je la le les leur lui mais me même ne nous on ou par pas plus pour qu que qui sa sans se ses son sont sur un une vous y",
        // es
        "a al algo como con de del el ella en entre era es esa ese esta este fue ha han hay la las le lo los más me mi muy no nos o para pero por que se sin sobre son su sus también un una uno y ya",
        // it
        "a al alla anche che chi come con da dal dalla dei del della delle di e è gli ha hanno i il in la le lo ma ne nel nella non per più può se si sono su sua suo tra un una uno",
        // pt
        "a ao aos as com como da das de dela dele do dos e é ela ele em entre era essa esse esta este foi isso já mais mas na nas não no nos o os ou para pela pelo por que se sem ser seu sua são também um uma",
        // nl
        "aan al als bij dan dat de die dit door een en er had heeft het hij hoe ik in is je maar met na naar niet nog nu of om ook op over te tot uit van voor was wat we werd wij wordt zal ze zich zijn",
        // sv, da, no
        "att av de den det där efter en ett för från har hon han i inte jag kan med men mot när och om på sig sin som så till under ut var vi vid år är",
        "af at de den der det efter en er et for fra han har hun i ikke jeg kan med men nu når og om på sig som til ud var vi være",
        "av at de den der det eller en er et etter for fra har hun han i ikke jeg kan med men når og om på seg som til var vi være",
        // pl
        "a aby ale bo by był była było być co do go i ich jak jako jednak jest już lub ma może na nie o od po przez się są ta tak także te to tym w we z za że",
        // ru
        "а без более бы был была были было в вы да для до его ее если есть же за и из или им их к как когда ли на над не нет но о об он она они оно от по при с со так также то только у уже что это этот я",
        // tr
        "ama bir bu da daha de değil diye en gibi için ile ise kadar ki mi ne o olan olarak olduğu sonra ve veya ya çok daha şey",
    ];

    private static readonly Dictionary<string, int> Words = Build();

    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> WordSpans = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The index of the language whose stop words are densest in <paramref name="text"/>, or -1 for none of them.</summary>
    public static int Detect(string text)
    {
        Span<int> hits = stackalloc int[Lists.Length];
        var words = 0;
        foreach (var mask in Masks(text))
        {
            words++;
            for (var language = 0; language < Lists.Length; language++)
            {
                if ((mask & (1 << language)) != 0)
                {
                    hits[language]++;
                }
            }
        }

        var best = -1;
        for (var language = 0; language < Lists.Length; language++)
        {
            if (words > 0 && hits[language] >= KnownLanguage * words && (best < 0 || hits[language] > hits[best]))
            {
                best = language;
            }
        }

        return best;
    }

    /// <summary>Words in <paramref name="text"/> and how many of them are stop words of <paramref name="language"/>.</summary>
    public static (int Words, int StopWords) Count(string text, int language)
    {
        var words = 0;
        var stop = 0;
        foreach (var mask in Masks(text))
        {
            words++;
            if ((mask & (1 << language)) != 0)
            {
                stop++;
            }
        }

        return (words, stop);
    }

    /// <summary>For each word (a run of letters and digits), the languages it is a stop word of (0 for none).</summary>
    private static IEnumerable<int> Masks(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            if (start >= 0)
            {
                yield return Lookup(text, start, i - start);
                start = -1;
            }
        }
    }

    private static int Lookup(string text, int start, int length)
    {
        if (length > 12)
        {
            return 0;
        }

        Span<char> lower = stackalloc char[length];
        text.AsSpan(start, length).ToLowerInvariant(lower);
        return WordSpans.TryGetValue(lower, out var mask) ? mask : 0;
    }

    private static Dictionary<string, int> Build()
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var language = 0; language < Lists.Length; language++)
        {
            foreach (var word in Lists[language].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var key = word.ToLower(CultureInfo.InvariantCulture);
                words[key] = words.GetValueOrDefault(key) | (1 << language);
            }
        }

        return words;
    }
}
