namespace NewsFeedWorker.Parsing;

/// <summary>A teaser in a section block such as <c>사회 더보기</c>.</summary>
public sealed record SectionTeaser(string Section, string Title, Uri Url, string? Summary);
