using BenchmarkDotNet.Running;
using NewsFeedWorker.Benchmarks;

if (args is ["bdn", .. var rest])
{
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchmarkCli).Assembly).Run(rest);
    return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
}

return BenchmarkCli.Run(args, Console.Out);
