using System.Text.RegularExpressions;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// The words pages put before a date to say which date it is, in the languages we meet. Latin-script labels must start a
/// word ("unpublished" is not "published"); Korean, Japanese and Chinese ones are often written against the next word
/// (<c>기사입력2025.06.25</c>).
/// </summary>
internal static partial class DateLabels
{
    /// <summary>A label, then the short filler pages put between it and the date ("on", "am", "le", ":").</summary>
    [GeneratedRegex(
        @"(?:(?<![\p{L}])(?<updated>last\s+updated|updated|modified|last\s+modified|aktualisiert|geändert|stand|mis\s+à\s+jour|mise\s+à\s+jour|actualizado|actualizada|actualización|atualizado|atualizada|aggiornato|aggiornata|bijgewerkt|gewijzigd|zaktualizowano|aktualizováno|uppdaterad|opdateret|oppdatert|päivitetty|güncelleme|güncellendi|обновлено|оновлено)"
        + @"|(?<![\p{L}])(?<published>published|posted|publication\s+date|publish\s+date|date\s+published|erschienen|veröffentlicht|publiziert|publié|publiée|mise?\s+en\s+ligne|publicado|publicada|publicação|pubblicato|pubblicata|gepubliceerd|geplaatst|opublikowano|publikováno|publicerad|publiceret|publisert|julkaistu|yayınlanma|yayınlandı|опубликовано|опубліковано|datum)"
        + @"|(?<![\p{L}])(?<published>date|fecha|data)(?=\s*[:：])"
        + @"|(?<updated>최종\s*수정|수정|업데이트|갱신|更新)|(?<published>기사\s*입력|입력|등록|승인|게재|발행|작성|송고|公開|公开|発表|配信|掲載|发布|發布|发表|發表))"
        + @"(?:\s*(?:일시|일자|일|시간|日時|日期|时间|時間|日))?[\s:：\-–|]*(?:(?:on|at|am|um|le|el|em|il|op|den|del|de|in)\b\s*)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexLimits.MatchTimeoutMilliseconds)]
    public static partial Regex Pattern();
}
