using System.Runtime.CompilerServices;
using NewsFeedWorker.Fetching;

namespace NewsFeedWorker.IntegrationTests;

/// <summary>Runs the worker's own start-up registrations (the legacy code pages) before any test decodes a page.</summary>
internal static class WorkerModule
{
    // Tests encode Korean bytes (CP949) before they touch a worker type, and xunit 2 has no assembly fixture.
#pragma warning disable CA2255 // A test assembly's start is the place for it.
    [ModuleInitializer]
    internal static void Initialize() => RuntimeHelpers.RunModuleConstructor(typeof(EncodingLabels).Module.ModuleHandle);
#pragma warning restore CA2255
}
