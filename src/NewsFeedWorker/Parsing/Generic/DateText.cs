namespace NewsFeedWorker.Parsing.Generic;

/// <summary>One date as a page states it (raw text), with where it was found; the parse stage decides whether it holds.</summary>
public readonly record struct DateText(string Text, ExtractionMethod Method);
