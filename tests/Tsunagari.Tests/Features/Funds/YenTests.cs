using Tsunagari.Features.Funds;

namespace Tsunagari.Tests.Features.Funds;

public sealed class YenTests
{
    [Theory]
    [InlineData("1", null)]
    [InlineData("1000000000000", null)]
    [InlineData("0", AmountProblem.NotPositive)]
    [InlineData("-500", AmountProblem.NotPositive)]
    [InlineData("1000000000001", AmountProblem.TooLarge)]
    [InlineData("100.5", AmountProblem.NotWholeYen)]
    public void Amounts_are_whole_yen_from_one_yen_to_a_trillion(string amount, AmountProblem? expected) =>
        Assert.Equal(expected, Yen.Check(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>
    /// 100 yen over three equal shares: 33.33… each, rounded down to 33 + 33 + 33 = 99, and the one yen left goes to the
    /// first share (all lost the same by rounding, earlier first). 1,000 yen over 7 : 2 : 1 is exact: 700, 200, 100.
    /// 10 yen over 1 : 1 : 1 : 1 (2.5 each): the two yen left go to the first two.
    /// </summary>
    [Theory]
    [InlineData(100, new[] { 1, 1, 1 }, new[] { 34, 33, 33 })]
    [InlineData(1000, new[] { 7, 2, 1 }, new[] { 700, 200, 100 })]
    [InlineData(10, new[] { 1, 1, 1, 1 }, new[] { 3, 3, 2, 2 })]
    [InlineData(0, new[] { 5, 3 }, new[] { 0, 0 })]
    public void Allocation_is_pro_rata_in_whole_yen_and_adds_up_to_the_total(int total, int[] weights, int[] expected)
    {
        var shares = Yen.Allocate(total, weights.Select(w => (decimal)w).ToList());
        Assert.Equal(expected.Select(e => (decimal)e), shares);
        Assert.Equal(total, shares.Sum());
    }

    [Fact]
    public void Allocation_of_random_amounts_always_adds_up()
    {
        var random = new Random(20261129);
        for (var i = 0; i < 500; i++)
        {
            var total = (decimal)random.NextInt64(0, 50_000_000_000);
            var weights = Enumerable.Range(0, random.Next(1, 12)).Select(_ => (decimal)random.Next(1, 100_000_000)).ToList();
            var shares = Yen.Allocate(total, weights);
            Assert.Equal(total, shares.Sum());
            Assert.All(shares, s => Assert.Equal(decimal.Truncate(s), s));
            // No share is more than a yen away from its exact pro rata amount.
            for (var k = 0; k < weights.Count; k++)
                Assert.True(Math.Abs(shares[k] - total * weights[k] / weights.Sum()) < 1m);
        }
    }
}
