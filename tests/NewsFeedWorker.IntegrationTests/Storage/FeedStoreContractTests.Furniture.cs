using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.IntegrationTests.Storage;

public abstract partial class FeedStoreContractTests
{
    [Fact]
    public async Task Furniture_pages_come_back_oldest_first_per_source_and_a_page_saved_again_replaces_its_blocks()
    {
        var store = NewStore();
        var first = new Uri("https://news.example/a/1");
        var second = new Uri("https://news.example/a/2");
        await store.SaveFurniturePageAsync("portal", new FurniturePage(first, [1UL, 0xFFFF_FFFF_FFFF_FFFFUL], Some.Start), Ct);
        await store.SaveFurniturePageAsync("portal", new FurniturePage(second, [2UL], Some.Start.AddMinutes(1)), Ct);
        await store.SaveFurniturePageAsync("other", new FurniturePage(first, [3UL], Some.Start), Ct);

        // A second process sees what the first wrote.
        var pages = await NewStore().GetFurniturePagesAsync("portal", Ct);

        Assert.Equal([first, second], pages.Select(p => p.Url));
        Assert.Equal([1UL, 0xFFFF_FFFF_FFFF_FFFFUL], pages[0].Blocks);
        Assert.Equal(Some.Start.AddMinutes(1), pages[1].SeenAt);

        await store.SaveFurniturePageAsync("portal", new FurniturePage(first, [4UL, 5UL], Some.Start.AddMinutes(2)), Ct);
        var again = await store.GetFurniturePagesAsync("portal", Ct);

        Assert.Equal([second, first], again.Select(p => p.Url));
        Assert.Equal([4UL, 5UL], again[1].Blocks);
        Assert.Equal([3UL], Assert.Single(await store.GetFurniturePagesAsync("other", Ct)).Blocks);
    }

    [Fact]
    public async Task Only_the_latest_fifty_furniture_pages_of_a_source_are_kept()
    {
        var store = NewStore();
        for (var i = 1; i <= 53; i++)
        {
            await store.SaveFurniturePageAsync("portal", new FurniturePage(new Uri($"https://news.example/a/{i}"), [(ulong)i], Some.Start.AddMinutes(i)), Ct);
        }

        await store.SaveFurniturePageAsync("other", new FurniturePage(new Uri("https://other.example/a/1"), [7UL], Some.Start), Ct);
        var pages = await store.GetFurniturePagesAsync("portal", Ct);

        Assert.Equal(50, pages.Count);
        Assert.Equal(new Uri("https://news.example/a/4"), pages[0].Url);
        Assert.Equal(new Uri("https://news.example/a/53"), pages[^1].Url);
        Assert.Single(await store.GetFurniturePagesAsync("other", Ct));
        // Forgotten in the table, not only left out of the answer.
        Assert.Equal(51, await CountFurnitureRowsAsync());
    }

    private async Task<long> CountFurnitureRowsAsync()
    {
        await using DbConnection connection = Provider == StorageProvider.Postgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM furniture_pages";
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
