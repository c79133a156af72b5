namespace NewsFeedWorker.Fetching;

/// <summary>One hop's outcome: a response, or the failure it ended in, plus how many attempts it took.</summary>
public sealed record HopResult(int Attempts, HopResponse? Response, FetchFailed? Failure);
