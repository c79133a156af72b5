using NewsFeedWorker.Hosting;
using NewsFeedWorker.Publishing;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddNewsFeedWorker(builder.Configuration);
var app = builder.Build();
app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
app.MapFeedEndpoints();
await app.RunAsync();
