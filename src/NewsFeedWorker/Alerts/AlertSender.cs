using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Alerts;

/// <summary>Sends one alert body to one target, once (retries are the caller's pipeline): webhook, ntfy or e-mail.</summary>
public sealed class AlertSender(IHttpClientFactory clients, IOptionsMonitor<AlertsOptions> options, IConfiguration configuration)
{
    public const string HttpClientName = "alerts";

    public const string SignatureHeader = "X-NewsFeedWorker-Signature";

    public const string DeliveryHeader = "X-NewsFeedWorker-Delivery";

    private static readonly string[] NtfyTags = ["newspaper"];

    public Task SendAsync(AlertTarget target, string payloadJson, CancellationToken cancellationToken) => target.Kind switch
    {
        "webhook" => WebhookAsync(target, payloadJson, cancellationToken),
        "ntfy" => NtfyAsync(target.Ntfy!, payloadJson, cancellationToken),
        _ => EmailAsync(target.Email!, payloadJson, cancellationToken),
    };

    /// <summary><c>sha256=</c> and the lower-case hex HMAC-SHA256 of the body under the secret, as GitHub's webhooks sign.</summary>
    public static string Sign(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    private async Task WebhookAsync(AlertTarget target, string payloadJson, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(payloadJson);
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Webhook) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(DeliveryHeader, AlertPayload.Read(payloadJson).Id);
        if (target.Secret is { } secret)
        {
            var key = AlertSecret.Resolve(secret, name => configuration[name])
                ?? throw new AlertSendException($"the webhook secret {secret} is not set (no setting or environment variable of that name)", transient: false);
            request.Headers.Add(SignatureHeader, Sign(body, key));
        }

        await PostAsync(request, cancellationToken);
    }

    /// <summary>ntfy's JSON publishing: POST to the server root with the topic in the body (UTF-8 titles need no header encoding).</summary>
    private async Task NtfyAsync(Uri topicUrl, string payloadJson, CancellationToken cancellationToken)
    {
        var message = AlertPayload.Read(payloadJson);
        var path = topicUrl.AbsolutePath.TrimEnd('/');
        var cut = path.LastIndexOf('/');
        var root = new Uri(topicUrl, path[..(cut + 1)]);
        var json = JsonSerializer.Serialize(new
        {
            topic = Uri.UnescapeDataString(path[(cut + 1)..]),
            title = $"[{message.Topic.Name}] {UpdatedPrefix(message)}{message.Title}",
            message = $"{message.Summary}\n{message.Source.Name}{(message.Related.Count > 0 ? $" (+{message.Related.Count})" : "")}",
            click = message.Url,
            tags = NtfyTags,
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, root) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add(DeliveryHeader, message.Id);
        await PostAsync(request, cancellationToken);
    }

    private async Task PostAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new AlertSendException($"{request.RequestUri!.GetLeftPart(UriPartial.Path)}: {ex.Message}", transient: true, ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                var transient = status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
                throw new AlertSendException($"{request.RequestUri!.GetLeftPart(UriPartial.Path)} answered HTTP {status}", transient);
            }
        }
    }

    private async Task EmailAsync(string to, string payloadJson, CancellationToken cancellationToken)
    {
        var smtp = options.CurrentValue.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            throw new AlertSendException("e-mail alerts need Alerts:Smtp:Host", transient: false);
        }

        var message = AlertPayload.Read(payloadJson);
        var mail = new MimeMessage { Subject = $"[{message.Topic.Name}] {UpdatedPrefix(message)}{message.Title}", MessageId = $"{message.Id}@newsfeedworker" };
        mail.From.Add(MailboxAddress.Parse(smtp.From));
        mail.To.Add(MailboxAddress.Parse(to));
        mail.Headers.Add(DeliveryHeader, message.Id);
        var text = new StringBuilder()
            .AppendLine(message.Title).AppendLine(message.Url.AbsoluteUri).AppendLine()
            .AppendLine(message.Summary).AppendLine()
            .Append(message.Source.Name).Append(", ").AppendLine(message.Published.ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture));
        foreach (var related in message.Related)
        {
            text.Append("- ").AppendLine(related.Url.AbsoluteUri);
        }

        mail.Body = new TextPart("plain") { Text = text.ToString() };
        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, SecurityOf(smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                var password = smtp.Password is { } p ? AlertSecret.Resolve(p, name => configuration[name]) : null;
                await client.AuthenticateAsync(smtp.UserName, password ?? "", cancellationToken);
            }

            await client.SendAsync(mail, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or SslHandshakeException)
        {
            throw new AlertSendException($"SMTP {smtp.Host}:{smtp.Port}: {ex.Message}", transient: true, ex);
        }
        catch (Exception ex) when (ex is SmtpCommandException or AuthenticationException)
        {
            var transient = ex is SmtpCommandException { StatusCode: var code } && (int)code is >= 400 and < 500;
            throw new AlertSendException($"SMTP {smtp.Host}:{smtp.Port}: {ex.Message}", transient, ex);
        }
    }

    /// <summary>"Updated (title, body): " before the title of an alert about a correction; nothing otherwise.</summary>
    private static string UpdatedPrefix(AlertPayload.Message message) =>
        message.Updated ? $"Updated ({string.Join(", ", message.ChangedFields ?? [])}): " : "";

    private static SecureSocketOptions SecurityOf(string security) => security.ToUpperInvariant() switch
    {
        "NONE" => SecureSocketOptions.None,
        "STARTTLS" => SecureSocketOptions.StartTls,
        "SSLONCONNECT" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
