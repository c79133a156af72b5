namespace NewsFeedWorker.IntegrationTests.Storage;

public abstract partial class FeedStoreContractTests
{
    [Fact]
    public async Task Identical_weather_readings_for_the_same_date_are_stored_once_and_history_is_kept()
    {
        var store = NewStore();
        var day = new DateOnly(2026, 11, 8);

        Assert.True(await store.SaveWeatherAsync("portal", Some.Weather(day, 16.4m, 18.2m, 15.0m), Some.Start, Ct));
        var version = await store.GetChangeVersionAsync(Ct);
        Assert.False(await store.SaveWeatherAsync("portal", Some.Weather(day, 16.40m, 18.2m, 15m), Some.Start.AddMinutes(10), Ct));
        Assert.Equal(version, await store.GetChangeVersionAsync(Ct));
        Assert.True(await store.SaveWeatherAsync("portal", Some.Weather(day, 17.1m, 18.2m, 15.0m), Some.Start.AddMinutes(20), Ct));
        Assert.True(await store.SaveWeatherAsync("portal", Some.Weather(day, 16.4m, 18.2m, 15.0m), Some.Start.AddMinutes(30), Ct));
        Assert.True(await store.SaveWeatherAsync("portal", Some.Weather(day.AddDays(1), 16.4m, 18.2m, 15.0m), Some.Start.AddDays(1), Ct));
        Assert.True(await store.SaveWeatherAsync("other", Some.Weather(day, 16.4m, 18.2m, 15.0m), Some.Start, Ct));

        var history = await store.GetWeatherAsync("portal", 10, Ct);

        Assert.Equal(4, history.Count);
        Assert.Equal([Some.Start.AddDays(1), Some.Start.AddMinutes(30), Some.Start.AddMinutes(20), Some.Start], history.Select(h => h.SeenAt));
        Assert.Equal(Some.Weather(day, 17.1m, 18.2m, 15.0m).Readings, history[2].Snapshot.Readings);
        Assert.Equal(4, history.Select(h => h.Id).Distinct().Count());
        Assert.Equal(5, (await store.GetWeatherAsync(null, 10, Ct)).Count);
        Assert.Equal(2, (await store.GetWeatherAsync(null, 2, Ct)).Count);
    }
}
