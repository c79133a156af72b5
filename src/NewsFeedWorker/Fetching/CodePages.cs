using System.Runtime.CompilerServices;
using System.Text;

namespace NewsFeedWorker.Fetching;

/// <summary>The legacy code pages (CP949/EUC-KR, windows-1252, Shift_JIS …) that decoding pages needs.</summary>
internal static class CodePages
{
    /// <summary>
    /// Registered once, when this assembly is first used: the worker, every command, the benchmarks and the tests all go
    /// through it before they decode a page, so no decoder has to remember to register them first.
    /// </summary>
    [ModuleInitializer]
    internal static void Register() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
}
