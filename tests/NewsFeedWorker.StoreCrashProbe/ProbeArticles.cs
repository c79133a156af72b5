using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.StoreCrashProbe;

/// <summary>The articles the probe writes; deterministic, so the test knows what every stored one must contain.</summary>
public static class ProbeArticles
{
    public static Uri UrlOf(int i) => new($"https://crash.example.kr/news/articleView.html?idxno={i}");

    public static string BodyOf(int i) =>
        string.Join("\n\n", Enumerable.Range(0, 20).Select(p => $"기사 {i}의 {p}번째 문단입니다. 프로세스가 도중에 죽어도 이 문단이 반쯤 저장되는 일은 없어야 합니다."));

    public static string RevisedTitleOf(int i) => $"충돌 시험 기사 {i} (수정)";

    public static Article For(int i) => new()
    {
        Url = UrlOf(i),
        Title = $"충돌 시험 기사 {i}",
        BodyHtml = string.Concat(BodyOf(i).Split("\n\n").Select(p => $"<p>{p}</p>")),
        BodyText = BodyOf(i),
        Category = "시험",
    };
}
