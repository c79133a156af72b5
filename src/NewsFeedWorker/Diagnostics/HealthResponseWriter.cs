using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NewsFeedWorker.Diagnostics;

/// <summary>Writes a health report as JSON: overall status plus each check's status, description and data.</summary>
public static class HealthResponseWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(
            new
            {
                status = report.Status.ToString(),
                duration = report.TotalDuration,
                checks = report.Entries.ToDictionary(
                    entry => entry.Key,
                    entry => new
                    {
                        status = entry.Value.Status.ToString(),
                        description = entry.Value.Description,
                        error = entry.Value.Exception?.Message,
                        data = entry.Value.Data,
                    }),
            },
            context.RequestAborted);
}
