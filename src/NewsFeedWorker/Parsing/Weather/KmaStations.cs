using System.Collections.Frozen;

namespace NewsFeedWorker.Parsing.Weather;

/// <summary>KMA station names, to split glued runs such as <c>비금도</c> correctly (a station, not 비 + 금도).</summary>
internal static class KmaStations
{
    private static readonly FrozenSet<string> Names = new[]
    {
        "서울", "인천", "수원", "파주", "동두천", "강화", "이천", "양평", "춘천", "원주", "강릉", "속초", "철원", "홍천", "대관령", "태백",
        "영월", "정선", "삼척", "동해", "대전", "세종", "서산", "천안", "보령", "부여", "금산", "청주", "충주", "보은", "제천", "추풍령",
        "광주", "목포", "여수", "순천", "완도", "진도", "흑산도", "강진군", "해남", "고흥", "장흥", "비금도", "전주", "군산", "정읍",
        "남원", "고창", "부안", "임실", "장수", "대구", "안동", "포항", "경주시", "구미", "상주", "문경", "영주", "울진", "울릉도",
        "독도", "부산", "울산", "창원", "진주", "통영", "거제", "김해시", "밀양", "양산시", "남해", "거창", "합천", "산청", "제주",
        "서귀포", "성산", "고산", "백령도", "이어도",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsKnown(string name) => Names.Contains(name);
}
