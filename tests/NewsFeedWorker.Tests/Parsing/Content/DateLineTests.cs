using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Tests.Parsing.Content;

public sealed class DateLineTests
{
    [Theory]
    [InlineData("Stand: 08.07.2026 05:00 Uhr")]
    [InlineData("Published: 15:56 BST, 27 April 2024 | Updated: 15:57 BST, 27 April 2024")]
    [InlineData("Publiziert6. November 2025, 12:26")]
    [InlineData("28.4.2023 18:41 Uhr")]
    [InlineData("입력 2025.06.25 14:30 | 수정 2025.06.25 15:02")]
    [InlineData("2025년 11월 8일 (토) 오후 3:20")]
    [InlineData("Mis à jour le 3 mars 2024 à 10h15")]
    [InlineData("3 Min Lesezeit")]
    [InlineData("5 min read")]
    public void Lines_that_only_date_the_article_are_date_lines(string line)
    {
        Assert.True(DateLine.Is(line));
    }

    [Theory]
    [InlineData("On 27 April 2024 the bank said it would print new bills for the whole country.")]
    [InlineData("Die Eisheiligen dauern vom 11. bis 15. Mai.")]
    [InlineData("행정안전부는 6월 25일, 인공지능 시대 공공 AX 방향을 모색했다.")]
    [InlineData("Thousands of troops launched joint exercises yesterday.")]
    [InlineData("2024")]
    public void Sentences_that_mention_a_date_are_not(string line)
    {
        Assert.False(DateLine.Is(line));
    }
}
