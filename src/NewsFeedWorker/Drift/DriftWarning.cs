namespace NewsFeedWorker.Drift;

/// <summary>A configured selector (or the list's links) that stopped working: which, how, since when.</summary>
/// <param name="Field">The field or key, e.g. <c>title</c>, <c>articleLinks</c>.</param>
/// <param name="Selector">The selector in force, null for a list that stopped giving links without one.</param>
/// <param name="Message">The line /health, <c>sources</c> and the index page show, e.g. <c>title: "h3.heading" matched nothing on 5 of 5 pages</c>.</param>
public sealed record DriftWarning(string Field, string? Selector, string Message, DateTimeOffset Since);
