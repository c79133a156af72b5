using NewsFeedWorker.Parsing.Generic;

namespace NewsFeedWorker.Tests.Parsing.Generic;

public sealed class StopWordsTests
{
    [Theory]
    [InlineData("The council met on Tuesday and agreed that the wall needs repair before the winter.", "Council met Tuesday; wall repair agreed before winter storms.")]
    [InlineData("Der Rat hat das Geld am Dienstag freigegeben, und die Arbeiten sollen im Oktober beginnen.", "Rat gibt Geld frei: Arbeiten beginnen Oktober.")]
    public void Prose_has_a_language_and_more_stop_words_than_a_headline_style_line(string prose, string label)
    {
        var language = StopWords.Detect(prose);

        Assert.True(language >= 0);
        var (proseWords, proseStop) = StopWords.Count(prose, language);
        var (labelWords, labelStop) = StopWords.Count(label, language);
        Assert.True((double)proseStop / proseWords > 0.3, $"{proseStop} of {proseWords}");
        Assert.True((double)labelStop / labelWords < 0.2, $"{labelStop} of {labelWords}");
    }

    [Fact]
    public void German_and_English_prose_are_told_apart()
    {
        Assert.NotEqual(
            StopWords.Detect("Der Rat hat das Geld am Dienstag freigegeben, und die Arbeiten sollen im Oktober beginnen."),
            StopWords.Detect("The council released the money on Tuesday, and the work is to start in October."));
    }

    [Fact]
    public void Korean_text_is_in_none_of_the_languages()
    {
        Assert.Equal(-1, StopWords.Detect("시의회는 화요일 회의에서 방파제를 겨울 폭풍이 오기 전에 보수하기로 결정했다."));
    }
}
