using Marketplace.Benchmarks.Search;
using Marketplace.Benchmarks.Solutions;

if (args.Length > 0 && args[0] == "usage")
{
    return await Marketplace.Benchmarks.Usage.UsageBenchmark.RunAsync(args[1..]);
}
if (args.Length > 0 && args[0] == "solutions")
{
    return await SolutionBenchmark.RunAsync(args[1..]);
}
if (args.Length == 0 || args[0] != "search")
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/Marketplace.Benchmarks -- " + SearchBenchmarkOptions.Usage);
    Console.Error.WriteLine("   or: dotnet run -c Release --project tests/Marketplace.Benchmarks -- " + SolutionBenchmark.Usage);
    Console.Error.WriteLine("   or: dotnet run -c Release --project tests/Marketplace.Benchmarks -- " + Marketplace.Benchmarks.Usage.UsageBenchmark.Usage);
    return 2;
}

SearchBenchmarkOptions options;
try
{
    options = SearchBenchmarkOptions.Parse(args[1..]);
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine("usage: " + SearchBenchmarkOptions.Usage);
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await SearchBenchmark.RunAsync(options, cancellation.Token);
