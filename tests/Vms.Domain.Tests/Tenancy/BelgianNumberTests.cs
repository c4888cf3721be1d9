using Vms.Domain.Numbers;

namespace Vms.Domain.Tests.Tenancy;

public sealed class BelgianNumberTests
{
    [Theory]
    [InlineData("02 200 10 01", "+3222001001")]
    [InlineData("+32 2 200 10 01", "+3222001001")]
    [InlineData("0032 9 200 10 01", "+3292001001")]
    [InlineData("04 200 10 01", "+3242001001")]
    [InlineData("03 200 10 01", "+3232001001")]
    [InlineData("02 230 10 10", "+3222301010")]
    [InlineData("02 500 10 10", "+3225001010")]
    public void Parse_BelgianGeographic_GivesE164(string input, string e164) =>
        Assert.Equal(e164, BelgianNumber.Parse(input).E164);

    [Theory]
    [InlineData("0470 12 34 56", "mobile")]
    [InlineData("0800 12 345", "freephone")]
    [InlineData("+33 1 42 68 53 00", "Belgian")]
    [InlineData("+800 1234 5678", "International 0800")]
    [InlineData("not a number", "Not a telephone number")]
    [InlineData("", "required")]
    [InlineData("02 12", "valid")]
    public void Parse_NotBelgianGeographic_IsRefusedWithReason(string input, string reasonPart)
    {
        var result = BelgianNumber.Parse(input);
        Assert.False(result.IsValid);
        Assert.Contains(reasonPart, result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Parse_Overlong_IsRefused() => Assert.False(BelgianNumber.Parse(new string('2', 200)).IsValid);

    [Fact]
    public void Refusals_CnipWithoutConsent_IsRefused() =>
        Assert.Single(NumberEligibility.Refusals(NumberServices.Cnip, cnipRemovalConsented: false));

    [Fact]
    public void Refusals_CnipWithConsent_IsAccepted() =>
        Assert.Empty(NumberEligibility.Refusals(NumberServices.Cnip, cnipRemovalConsented: true));

    [Fact]
    public void Refusals_EnterpriseOfficeAndOneCompanyNumber_BothRefusedEvenWithConsent() =>
        Assert.Equal(2, NumberEligibility.Refusals(NumberServices.EnterpriseOfficeSwitch | NumberServices.OneCompanyNumber, cnipRemovalConsented: true).Count);
}
