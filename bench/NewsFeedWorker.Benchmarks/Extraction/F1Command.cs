using System.CommandLine;

namespace NewsFeedWorker.Benchmarks.Extraction;

/// <summary><c>f1 [--corpus DIR]</c>: body-text token F1 of full extraction against the Readability corpus (quality, not speed).</summary>
internal static class F1Command
{
    public static Command Create(TextWriter output)
    {
        var corpus = new Option<DirectoryInfo>("--corpus")
        {
            Description = "A Readability-style corpus: one folder per page with source.html, expected.html, expected-metadata.json",
            DefaultValueFactory = _ => new DirectoryInfo("/work/shared/corpus/dev/readability"),
        };
        var command = new Command("f1", "Body-text token F1 (mean, median) of PageParser's BodyText and of the generic content before cleaning") { corpus };
        command.SetAction(parseResult =>
        {
            var directory = parseResult.GetRequiredValue(corpus);
            if (!directory.Exists)
            {
                parseResult.InvocationConfiguration.Error.WriteLine($"No such corpus folder: {directory.FullName}");
                return 2;
            }

            BodyF1.Run(directory, output);
            return 0;
        });
        return command;
    }
}
