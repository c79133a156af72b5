namespace NewsFeedWorker.Benchmarks.Quality;

/// <summary>Token precision, recall and F1 of one body.</summary>
internal readonly record struct BodyScore(double Precision, double Recall, double F1);
