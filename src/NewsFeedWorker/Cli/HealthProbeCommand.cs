using System.CommandLine;

namespace NewsFeedWorker.Cli;

/// <summary><c>health-probe</c>: asks a running worker's <c>/health</c>; exit 0 when healthy. For Docker's HEALTHCHECK (no curl in the image).</summary>
public static class HealthProbeCommand
{
    public static Command Create()
    {
        var url = new Option<Uri>("--url")
        {
            Description = "The health endpoint to ask.",
            HelpName = "URL",
            DefaultValueFactory = _ => new Uri("http://127.0.0.1:5080/health"),
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                if (Uri.TryCreate(text, UriKind.Absolute, out var parsed))
                {
                    return parsed;
                }

                result.AddError($"'{text}' is not an absolute URL.");
                return null;
            },
        };
        var command = new Command("health-probe", "Ask a running worker's /health endpoint; exit 0 when it answers 200.") { Hidden = true };
        command.Options.Add(url);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                using var response = await http.GetAsync(parseResult.GetValue(url), cancellationToken);
                return response.IsSuccessStatusCode ? ExitCodes.Ok : ExitCodes.Failure;
            }
            catch (HttpRequestException ex)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync(ex.Message.AsMemory(), cancellationToken);
                return ExitCodes.Failure;
            }
        });
        return command;
    }
}
