namespace NewsFeedWorker.Parsing.Generic;

/// <summary>The rules Readability relaxes one by one when a first attempt yields too little text.</summary>
[Flags]
internal enum ExtractionFlags
{
    None = 0,
    StripUnlikely = 1,
    WeightClasses = 2,
    CleanConditionally = 4,
    All = StripUnlikely | WeightClasses | CleanConditionally,
}
