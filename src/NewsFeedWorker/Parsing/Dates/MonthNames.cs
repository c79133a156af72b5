using System.Collections.Frozen;

namespace NewsFeedWorker.Parsing.Dates;

/// <summary>
/// Month names and their usual abbreviations in the languages of the Western pages we meet (English, German, French,
/// Spanish, Portuguese, Italian, Dutch, Romanian, Turkish): a date written as <c>2 de abril de 2020</c>, <c>3. März 2024</c> or
/// <c>12 settembre 2019</c> reads the same as <c>April 2, 2020</c>.
/// </summary>
internal static class MonthNames
{
    private static readonly (int Month, string[] Names)[] Table =
    [
        (1, ["ianuarie", "january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "janeiro", "gennaio", "gen", "januari", "ocak"]),
        (2, ["februarie", "february", "feb", "februar", "feber", "février", "févr", "fevrier", "fév", "febrero", "fevereiro", "fev", "febbraio", "febbr", "februari", "şubat"]),
        (3, ["martie", "march", "mar", "märz", "mär", "maerz", "mars", "marzo", "março", "marco", "maart", "mrt", "mart"]),
        (4, ["aprilie", "april", "apr", "avril", "avr", "abril", "abr", "aprile", "nisan"]),
        (5, ["may", "mai", "mayo", "maio", "maggio", "mag", "mei", "mayıs"]),
        (6, ["iunie", "june", "jun", "juni", "juin", "junio", "junho", "giugno", "giu", "haziran"]),
        (7, ["iulie", "july", "jul", "juli", "juillet", "juil", "julio", "julho", "luglio", "lug", "temmuz"]),
        (8, ["august", "aug", "août", "aout", "agosto", "ago", "augustus", "ağustos"]),
        (9, ["septembrie", "september", "sep", "sept", "septembre", "septiembre", "setiembre", "setembro", "settembre", "set", "sett", "eylül"]),
        (10, ["octombrie", "october", "oct", "oktober", "okt", "octobre", "octubre", "outubro", "out", "ottobre", "ott", "ekim"]),
        (11, ["noiembrie", "november", "nov", "novembre", "noviembre", "novembro", "kasım"]),
        (12, ["decembrie", "december", "dec", "dezember", "dez", "décembre", "déc", "decembre", "diciembre", "dic", "dezembro", "dicembre", "aralık"]),
    ];

    private static readonly FrozenDictionary<string, int> ByName = Table
        .SelectMany(row => row.Names.Select(name => (name, row.Month)))
        .ToFrozenDictionary(pair => pair.name, pair => pair.Month, StringComparer.OrdinalIgnoreCase);

    /// <summary>A regular-expression alternation of every name, longest first so that "juni" is not read as "jun".</summary>
    public static string Alternation { get; } = string.Join('|', Table
        .SelectMany(row => row.Names)
        .Distinct(StringComparer.OrdinalIgnoreCase)
        .OrderByDescending(name => name.Length)
        .Select(System.Text.RegularExpressions.Regex.Escape));

    /// <summary>The month (1–12) a name or abbreviation stands for, or 0.</summary>
    public static int Number(string name) => ByName.GetValueOrDefault(name.TrimEnd('.'), 0);
}
