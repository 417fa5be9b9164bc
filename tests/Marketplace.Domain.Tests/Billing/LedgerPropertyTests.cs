using System.Diagnostics;
using Xunit.Abstractions;

namespace Marketplace.Domain.Tests.Billing;

/// <summary>
/// A million random billing operations on one ledger and, beside it, on <see cref="BillingModel"/>:
/// the books stay balanced, every partner's pending and payable equal the model's, and every share
/// is within one minor unit of exact. A failure names the seed and the operation.
/// </summary>
public sealed class LedgerPropertyTests(ITestOutputHelper output)
{
    private const int Seed = 20_260_901;
    private const int Operations = 1_000_000;

    [Fact]
    public void A_million_random_operations_keep_the_books_balanced_and_every_payable_equal_to_an_independent_model()
    {
        var clock = Stopwatch.StartNew();
        var run = new LedgerSimulation(Seed);
        run.Execute(Operations);
        output.WriteLine($"seed {Seed}: {Operations:N0} operations in {clock.Elapsed.TotalSeconds:0.0} s; {run.Summary}");
    }
}
