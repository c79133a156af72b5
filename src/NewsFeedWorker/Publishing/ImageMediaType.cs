namespace NewsFeedWorker.Publishing;

/// <summary>Guesses an image's media type from its URL's extension; null when the URL does not say.</summary>
public static class ImageMediaType
{
    public static string? FromUrl(Uri url)
    {
        var path = url.IsAbsoluteUri ? url.AbsolutePath : url.OriginalString;
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".jpg" or ".jpeg" or ".jpe" or ".jfif" => "image/jpeg",
            ".png" => "image/png",
            ".gif" => "image/gif",
            ".webp" => "image/webp",
            ".avif" => "image/avif",
            ".svg" => "image/svg+xml",
            ".bmp" => "image/bmp",
            _ => null,
        };
    }
}
