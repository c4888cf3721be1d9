using System.Text;
using Vms.Domain.Routing.CallerLists;
using Vms.Domain.Routing.Numbers;

namespace Vms.Domain.Tests.Routing;

public class CallerListCsvTests
{
    private static CallerListCsvResult Parse(string text) => CallerListCsv.Parse(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Parse_GoodFile_NormalisesNumbersAndPrefixes()
    {
        var result = Parse("\uFEFFnumber;name\r\n0475 12 34 56;Ann\r\n+32 2 234 56 78\r\n0031201234567\r\n09*\r\n\r\n");

        Assert.True(result.IsClean, string.Join("; ", result.Errors));
        Assert.Equal(["+32475123456", "+3222345678", "+31201234567", "+329*"], result.Values);
    }

    [Fact]
    public void Parse_BadRows_ReportsEachWithLine()
    {
        var result = Parse("0475123456\nhello\n12\n0475 12 34 56\n+*\n");

        Assert.False(result.IsClean);
        Assert.Equal([2, 3, 4, 5], result.Errors.Select(e => e.Line));
        Assert.Contains("Duplicate of line 1", result.Errors[2].Reason, StringComparison.Ordinal);
        Assert.Equal(["+32475123456"], result.Values);
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 }, "UTF-8")]
    [InlineData(new byte[] { 0x0A, 0x0A }, "no number")]
    public void Parse_BadFile_FileError(byte[] bytes, string expected)
    {
        var result = CallerListCsv.Parse(bytes);

        Assert.Contains(expected, result.FileError, StringComparison.Ordinal);
        Assert.Empty(result.Values);
    }

    [Fact]
    public void Index_ExactAndPrefix_Match()
    {
        var customer = Guid.NewGuid();
        var index = CallerListIndex.Build([(customer, "vip", ["+32475123456", "+329*"])]);

        Assert.True(index.Contains(customer, "vip", NumberAnalysis.AnalyseCaller("0475123456")));
        Assert.True(index.Contains(customer, "vip", NumberAnalysis.AnalyseCaller("092345678")));
        Assert.False(index.Contains(customer, "vip", NumberAnalysis.AnalyseCaller("022345678")));
        Assert.False(index.Contains(Guid.NewGuid(), "vip", NumberAnalysis.AnalyseCaller("0475123456")));
        Assert.False(index.Contains(customer, "vip", CallerInfo.Withheld));
    }

    [Fact]
    public void BelgianHolidays_2026_AreTheTenLegalOnes()
    {
        var days = Domain.Routing.Evaluation.BelgianHolidays.Of(2026).Select(d => d.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(["01-01", "04-06", "05-01", "05-14", "05-25", "07-21", "08-15", "11-01", "11-11", "12-25"], days);
    }
}
